import { z } from 'zod'
import { zDate } from './date.ts'
import { zText } from './text.ts'

/*
 * Cases (seed 002, Kundwebben sections 2.1 and 2.2). The topics — areas, their sub-areas and rules — are
 * data: adding an area, a sub-area or a rule is an entry here, and the form, the server's checks and the
 * filters follow it.
 */

export interface Localized {
  sv: string
  en: string
}

export interface CaseSubArea {
  key: string
  label: Localized
  help: Localized
  /** "Bifoga filer" is required (seed 002: Beslut/Underlag). */
  requiresAttachment: boolean
}

export interface CaseArea {
  key: string
  label: Localized
  help: Localized
  /** Empty when the area has no Delområde (the field is then not shown). */
  subAreas: readonly CaseSubArea[]
  /** "Bifoga filer" is required for the area itself (for areas without sub-areas). */
  requiresAttachment: boolean
}

export const CASE_AREAS: readonly CaseArea[] = [
  {
    key: 'LON',
    label: { sv: 'Lön', en: 'Wages (Lön)' },
    help: {
      sv: 'Till exempel semester, sjukfrånvaro, lönebesked eller lönesystemet.',
      en: 'For example vacation, sick leave, wage statement or the payroll system.',
    },
    requiresAttachment: false,
    subAreas: [
      {
        key: 'LON_SUPPORT',
        label: { sv: 'Supportärende', en: 'Support request (Supportärende)' },
        help: {
          sv: 'Till exempel sjukfrånvaro, frågor om lönebesked, intygsbeställningar och användarstöd.',
          en: 'For example sick leave, questions about wage statements, certificate requests and user support.',
        },
        requiresAttachment: false,
      },
      {
        key: 'LON_BESLUT',
        label: { sv: 'Beslut/Underlag', en: 'Decisions/Documents (Beslut/Underlag)' },
        help: {
          sv: 'För underlag som gäller lön, till exempel anställningsbeslut, beslut om ersättning från Försäkringskassan eller ifyllda rättelseblanketter. Bifoga filen.',
          en: 'For documents relating to wages, for example decisions on employment, decisions on payment from Försäkringskassan or completed correction forms. Attach the file.',
        },
        requiresAttachment: true,
      },
    ],
  },
  {
    key: 'EKONOMI',
    label: { sv: 'Ekonomi', en: 'Economy (Ekonomi)' },
    help: {
      sv: 'Till exempel redovisning, omföringar eller Agresso.',
      en: 'For example accounting, transfers or Agresso.',
    },
    requiresAttachment: false,
    subAreas: [],
  },
  {
    key: 'EHANDEL',
    label: { sv: 'E-handel', en: 'E-commerce (E-handel)' },
    help: {
      sv: 'Till exempel Visma Proceedo eller leverantörsfakturor.',
      en: "For example Visma Proceedo or supplier's invoices.",
    },
    requiresAttachment: false,
    subAreas: [],
  },
  {
    key: 'IT',
    label: { sv: 'IT-tjänstestöd', en: 'IT service support (IT-tjänstestöd)' },
    help: {
      sv: 'Inloggning, åtkomst- eller integrationsproblem till POL/MinTid, Palasso, Primula, Agresso eller Visma Proceedo.',
      en: 'Login, access or integration issues with POL/MinTid, Palasso, Primula, Agresso or Visma Proceedo.',
    },
    requiresAttachment: false,
    subAreas: [],
  },
]

export function caseArea(key: string): CaseArea | undefined {
  return CASE_AREAS.find((area) => area.key === key)
}

/** The topic's label as a person reads it: "Lön → Beslut/Underlag", or the area alone. */
export function caseTopicLabel(area: string, subArea: string | null, language: keyof Localized): string {
  const found = caseArea(area)
  if (!found) return area
  const sub = found.subAreas.find((candidate) => candidate.key === subArea)
  return sub ? `${found.label[language]} → ${sub.label[language]}` : found.label[language]
}

/** Whether the topic needs at least one attached file. */
export function topicRequiresAttachment(area: string, subArea: string | null | undefined): boolean {
  const found = caseArea(area)
  if (!found) return false
  const sub = found.subAreas.find((candidate) => candidate.key === subArea)
  return found.requiresAttachment || Boolean(sub?.requiresAttachment)
}

export const CASE_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'CLOSED'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const CASE_VISIBILITIES = ['REPORTER_ONLY', 'ADMINS', 'MEMBERS'] as const
export type CaseVisibility = (typeof CASE_VISIBILITIES)[number]

/** The most files one case or message may carry, and the largest one (seed-independent limits of the issue). */
export const MAX_FILES_PER_CASE = 10
export const MAX_FILE_BYTES = 20 * 1024 * 1024

const zAreaKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'Välj område.' })

const zSubject = zText()
  .trim()
  .min(1, { message: 'Skriv ett ämne.' })
  .max(200, { message: 'Ämnet får ha högst 200 tecken.' })

const zMessage = (what: string) =>
  zText({ multiline: true })
    .trim()
    .min(1, { message: `Skriv ${what}.` })
    .max(10_000, { message: `${what[0]?.toUpperCase()}${what.slice(1)} får ha högst 10 000 tecken.` })

const zFileIds = z
  .array(z.uuid())
  .max(MAX_FILES_PER_CASE, { message: `Bifoga högst ${MAX_FILES_PER_CASE} filer.` })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Samma fil är bifogad två gånger.' })
  .default([])

/** The topic's fields and files, checked against the topic's rules: the messages name the field. */
const topicRules = <T extends { area: string; subArea?: string | null | undefined; fileIds: string[] }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  const area = caseArea(value.area)
  if (!area) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: 'Välj område.' })
    return
  }
  if (area.subAreas.length > 0) {
    if (!area.subAreas.some((sub) => sub.key === value.subArea)) {
      ctx.addIssue({ code: 'custom', path: ['subArea'], message: 'Välj delområde.' })
      return
    }
  } else if (value.subArea) {
    ctx.addIssue({ code: 'custom', path: ['subArea'], message: 'Området har inga delområden.' })
    return
  }
  if (topicRequiresAttachment(value.area, value.subArea) && value.fileIds.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['fileIds'],
      message: `Bifoga minst en fil: ${caseTopicLabel(value.area, value.subArea ?? null, 'sv')} kräver en bilaga.`,
    })
  }
}

const caseFields = {
  area: zAreaKey,
  subArea: zAreaKey.nullish(),
  subject: zSubject,
  message: zMessage('ett meddelande'),
  /** Files uploaded through /api/files first; the case takes them. */
  fileIds: zFileIds,
  /** Made by the page once per "Skicka": the same key twice is one case. */
  idempotencyKey: z.uuid(),
}

/** "Skapa ärende" (2.1): Område, Delområde, Ämne, Meddelande, Bifoga filer. */
export const ZCreateCaseInput = z.object(caseFields).superRefine(topicRules)
export type CreateCaseInput = z.input<typeof ZCreateCaseInput>

/** Provider support registers a case received by phone, for a person of a customer organisation. */
export const ZRegisterPhoneCaseInput = z
  .object({ ...caseFields, organizationId: z.uuid(), reporterUserId: z.uuid() })
  .superRefine(topicRules)

const zSearch = zText().trim().max(200, { message: 'Sök med högst 200 tecken.' })

/** "Mina ärenden": the person's own cases, or the organisation's where its administrator lets them see. */
export const ZCaseListInput = z.object({
  scope: z.enum(['mine', 'organization']).default('mine'),
  status: z.enum(CASE_STATUSES).optional(),
  area: zAreaKey.optional(),
  /** A case number ("2026-000123") or words of the subject. */
  search: zSearch.optional(),
  cursor: z.object({ createdAt: zDate(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(20),
})

export const ZCaseIdInput = z.object({ caseId: z.uuid() })

/** What a page showing the case at `version` sends with a change, so a change since is seen. */
const zVersion = z.number().int().min(1)

/** A message of the dialogue, from either side, while the case is open. */
export const ZCaseMessageInput = z.object({
  caseId: z.uuid(),
  body: zMessage('ett meddelande'),
  fileIds: zFileIds,
})

export const ZSupportCaseQueueInput = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  area: zAreaKey.optional(),
  organizationId: z.uuid().optional(),
  search: zSearch.optional(),
  cursor: z.object({ statusSince: zDate(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(25),
})

export const ZTakeCaseInput = z.object({ caseId: z.uuid(), version: zVersion })

/** Provider support moves an open case between Inkommit and Under bearbetning; closing needs the answer. */
export const ZSetCaseStatusInput = z.object({
  caseId: z.uuid(),
  version: zVersion,
  status: z.enum(['RECEIVED', 'IN_PROGRESS']),
})

export const ZCloseCaseInput = z.object({
  caseId: z.uuid(),
  version: zVersion,
  answer: zMessage('svaret'),
})

export const ZCaseVisibilityInput = z.object({ visibility: z.enum(CASE_VISIBILITIES) })

export const ZPhoneCaseReportersInput = z.object({
  organizationId: z.uuid(),
  search: zSearch.default(''),
})
