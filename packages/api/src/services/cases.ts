import { type Db, enqueueMail, nextNumber, type Prisma, stockholmYear } from '@kundnav/db'
import {
  type CaseStatus,
  can,
  caseTopicLabel,
  type Language,
  MAX_FILES_PER_CASE,
  type ZCaseListInput,
  type ZCaseMessageInput,
  type ZCloseCaseInput,
  type ZCreateCaseInput,
  type ZRegisterPhoneCaseInput,
  type ZSetCaseStatusInput,
  type ZSupportCaseQueueInput,
  type ZTakeCaseInput,
} from '@kundnav/schemas'
import type { z } from 'zod'
import type { SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { type CaseMailInput, caseMail } from '../mail/case-templates.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import type { CaseEvent, CaseEventBus } from './case-events.ts'
import { keysetAfter, keysetPage } from './keyset.ts'
import { listPairs } from './sessions.ts'
import { describeWait, reserveAttempt } from './throttle.ts'

type Tx = Prisma.TransactionClient | Db['prisma']

/** An actor in a chosen pair (what every rung but `authed` guarantees). */
export type CaseActor = SessionActor & {
  organizationId: string
  organizationType: 'PROVIDER' | 'CUSTOMER'
  role: NonNullable<SessionActor['role']>
}

export function asCaseActor(actor: SessionActor): CaseActor {
  if (!actor.organizationId || !actor.organizationType || !actor.role) {
    throw new AppError('FORBIDDEN', 'NO_ROLE', 'Välj en roll först.')
  }
  return actor as CaseActor
}

/**
 * The one place that decides which cases an actor reaches. Provider support: every case. A member of a
 * customer organisation: their own cases there, and the organisation's others as its administrator chose
 * ("Vem ser organisationens ärenden?"): nobody else, its administrators (in the Administratör role), or
 * every member. Anyone else: none (null).
 */
export async function caseScope(db: Tx, actor: CaseActor): Promise<Prisma.CaseWhereInput | null> {
  if (actor.organizationType === 'PROVIDER') return can(actor.role, 'provider.support') ? {} : null
  if (!can(actor.role, 'case.read')) return null
  const own: Prisma.CaseWhereInput = { organizationId: actor.organizationId, reporterUserId: actor.userId }
  const organization = await db.organization.findUnique({
    where: { id: actor.organizationId },
    select: { caseVisibility: true },
  })
  if (!organization) return null
  const seesAll =
    organization.caseVisibility === 'MEMBERS' ||
    (organization.caseVisibility === 'ADMINS' && actor.role === 'ADMIN')
  return seesAll ? { organizationId: actor.organizationId } : own
}

/** Whether the actor sees the organisation's cases beyond their own ("Organisationens ärenden"). */
export async function seesOrganizationCases(db: Tx, actor: CaseActor): Promise<boolean> {
  if (actor.organizationType !== 'CUSTOMER') return false
  const scope = await caseScope(db, actor)
  return Boolean(scope && !('reporterUserId' in scope))
}

const NOT_FOUND_MESSAGE = 'Ärendet finns inte, eller så får du inte se det.'

/** The case if the actor reaches it; NOT_FOUND otherwise (another organisation's looks like none). */
export async function visibleCase(db: Tx, actor: CaseActor, caseId: string) {
  const scope = await caseScope(db, actor)
  const found = scope && (await db.case.findFirst({ where: { AND: [scope, { id: caseId }] } }))
  if (!found) throw new AppError('NOT_FOUND', 'CASE_NOT_FOUND', NOT_FOUND_MESSAGE)
  return found
}

type CaseRecord = Awaited<ReturnType<typeof visibleCase>>

function caseLink(settings: AuthSettings, caseId: string, side: 'reporter' | 'support'): string {
  return `${settings.publicUrl}${side === 'support' ? '/support/arenden' : '/arenden'}/${caseId}`
}

function mailInput(
  settings: AuthSettings,
  record: CaseRecord,
  name: string,
  language: Language,
): CaseMailInput {
  return {
    name,
    number: record.number,
    subject: record.subject,
    topic: caseTopicLabel(record.area, record.subArea, language),
    link: caseLink(settings, record.id, 'reporter'),
  }
}

/**
 * Files the person uploaded and no case has taken yet become the case's (or its message's): a conditional
 * update, so a file cannot be taken twice by parallel submits. Anything else named is refused.
 */
async function attachFiles(
  tx: Prisma.TransactionClient,
  uploaderUserId: string,
  fileIds: readonly string[],
  target: { caseId: string; organizationId: string; messageId?: string },
  now: Date,
) {
  if (fileIds.length === 0) return
  const already = await tx.caseFile.count({ where: { caseId: target.caseId } })
  if (already + fileIds.length > MAX_FILES_PER_CASE) {
    throw new AppError(
      'BAD_REQUEST',
      'TOO_MANY_FILES',
      `Ett ärende kan ha högst ${MAX_FILES_PER_CASE} filer.`,
      {
        field: 'fileIds',
      },
    )
  }
  const { count } = await tx.caseFile.updateMany({
    where: {
      id: { in: [...fileIds] },
      uploadedByUserId: uploaderUserId,
      caseId: null,
      OR: [{ organizationId: null }, { organizationId: target.organizationId }],
    },
    data: {
      caseId: target.caseId,
      messageId: target.messageId ?? null,
      organizationId: target.organizationId,
      attachedAt: now,
    },
  })
  if (count !== fileIds.length) {
    throw new AppError(
      'CONFLICT',
      'FILE_UNAVAILABLE',
      'En av filerna finns inte längre eller är redan bifogad. Ta bort den och ladda upp den igen.',
      { field: 'fileIds' },
    )
  }
}

async function personOf(tx: Tx, userId: string) {
  return tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, language: true },
  })
}

interface NewCase {
  organizationId: string
  reporterUserId: string
  channel: 'PORTAL' | 'PHONE'
  input: z.output<typeof ZCreateCaseInput>
}

/** "Skapa ärende", or a phone case: one transaction with its number, files, audit event and receipt mail. */
async function registerCase(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  fresh: NewCase,
): Promise<{ caseId: string; number: string }> {
  const { input } = fresh
  const existing = await db.prisma.case.findUnique({
    where: {
      createdByUserId_idempotencyKey: { createdByUserId: actor.userId, idempotencyKey: input.idempotencyKey },
    },
    select: { id: true, number: true },
  })
  if (existing) return { caseId: existing.id, number: existing.number }
  await throttleWrites(db, settings, actor)
  const now = new Date()
  const created = await db.prisma
    .$transaction(async (tx) => {
      const record = await tx.case.create({
        data: {
          number: await nextNumber(tx, '', stockholmYear(now)),
          organizationId: fresh.organizationId,
          reporterUserId: fresh.reporterUserId,
          createdByUserId: actor.userId,
          channel: fresh.channel,
          area: input.area,
          subArea: input.subArea ?? null,
          subject: input.subject,
          message: input.message,
          createdAt: now,
          statusSince: now,
          idempotencyKey: input.idempotencyKey,
        },
      })
      await attachFiles(
        tx,
        actor.userId,
        input.fileIds,
        { caseId: record.id, organizationId: record.organizationId },
        now,
      )
      // The reporter opened it by writing it: nothing in it is news to them.
      if (fresh.channel === 'PORTAL') {
        await tx.caseReadMark.create({ data: { caseId: record.id, userId: actor.userId, seenAt: now } })
      }
      for (const organizationId of new Set([actor.organizationId, record.organizationId])) {
        await recordAudit(tx, {
          organizationId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: fresh.channel === 'PHONE' ? 'case.phone_registered' : 'case.created',
          targetType: 'Case',
          targetId: record.id,
          data: {
            number: record.number,
            area: record.area,
            subArea: record.subArea,
            files: input.fileIds.length,
          },
        })
      }
      const reporter = await personOf(tx, record.reporterUserId)
      await enqueueMail(tx, {
        to: reporter.email,
        ...caseMail(reporter.language, 'caseReceived', {
          ...mailInput(settings, record, reporter.name, reporter.language),
          byPhone: fresh.channel === 'PHONE',
        }),
      })
      return record
    })
    .catch(async (error: unknown) => {
      // The same key submitted twice at once: the other request made the case; this one answers with it.
      const twin =
        (error as { code?: unknown }).code === 'P2002' &&
        (await db.prisma.case.findUnique({
          where: {
            createdByUserId_idempotencyKey: {
              createdByUserId: actor.userId,
              idempotencyKey: input.idempotencyKey,
            },
          },
        }))
      if (twin) return { ...twin, twin: true }
      throw error
    })
  if ('twin' in created) return { caseId: created.id, number: created.number }
  await publish(events, created, 'created')
  return { caseId: created.id, number: created.number }
}

async function publish(events: CaseEventBus, record: CaseRecord, kind: CaseEvent['kind']) {
  await events.publish({ caseId: record.id, organizationId: record.organizationId, kind })
}

export function createCase(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  input: z.output<typeof ZCreateCaseInput>,
) {
  return registerCase(db, settings, events, actor, {
    organizationId: actor.organizationId,
    reporterUserId: actor.userId,
    channel: 'PORTAL',
    input,
  })
}

/** Provider support registers a case received by phone for a member of a customer organisation. */
export async function registerPhoneCase(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  input: z.output<typeof ZRegisterPhoneCaseInput>,
) {
  // A member who could open the case: an accepted membership of the customer organisation with a role
  // not ended that reads cases (the same pairs sign-in offers), not merely a membership row.
  const reaches = (await listPairs(db.prisma, input.reporterUserId)).some(
    (pair) =>
      pair.organizationId === input.organizationId &&
      pair.organizationType === 'CUSTOMER' &&
      can(pair.role, 'case.read'),
  )
  if (!reaches) {
    throw new AppError('NOT_FOUND', 'REPORTER_NOT_FOUND', 'Personen finns inte i den organisationen.', {
      field: 'reporterUserId',
    })
  }
  return registerCase(db, settings, events, actor, {
    organizationId: input.organizationId,
    reporterUserId: input.reporterUserId,
    channel: 'PHONE',
    input,
  })
}

/**
 * A burst of cases or messages from one person of a customer organisation waits (every write mails
 * someone); provider support, who registers phone cases all day, is not counted.
 */
async function throttleWrites(db: Db, settings: AuthSettings, actor: CaseActor): Promise<void> {
  if (actor.organizationType === 'PROVIDER') return
  const { waitSeconds } = await reserveAttempt(
    db.prisma,
    [{ scope: 'case-write:account', key: actor.userId, limit: settings.caseWritesPerAccount }],
    settings.throttleWindowMs,
  )
  if (waitSeconds > 0) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'CASE_WRITES_THROTTLED',
      `Du har skrivit många ärenden och meddelanden på kort tid. Vänta ${describeWait(waitSeconds)} och försök igen.`,
      { details: { waitSeconds } },
    )
  }
}

/** A row of "Mina ärenden" and of the support queue. */
function caseRow(
  record: CaseRecord & {
    readMarks?: { seenAt: Date }[]
    organization?: { name: string }
    reporter?: { name: string }
  },
) {
  const seenAt = record.readMarks?.[0]?.seenAt ?? null
  return {
    id: record.id,
    number: record.number,
    subject: record.subject,
    area: record.area,
    subArea: record.subArea,
    status: record.status as CaseStatus,
    channel: record.channel,
    createdAt: record.createdAt,
    statusSince: record.statusSince,
    /** The provider did something the reader has not seen since they last opened the case. */
    news: Boolean(record.providerActivityAt && (!seenAt || record.providerActivityAt > seenAt)),
    organizationName: record.organization?.name ?? null,
    reporterName: record.reporter?.name ?? null,
  }
}
export type CaseRow = ReturnType<typeof caseRow>

/** A search term that is a case number ("2026-000123") matches the number; any other, the subject. */
function searchWhere(search: string | undefined): Prisma.CaseWhereInput {
  const term = search?.trim()
  if (!term) return {}
  if (/^\d{4}-\d{1,6}$/.test(term)) {
    const [year, value] = term.split('-')
    return { number: `${year}-${String(value).padStart(6, '0')}` }
  }
  // `contains` is LIKE: its wildcards and escape character, typed, are looked for as they are.
  return { subject: { contains: term.replace(/[\\%_]/g, (char) => `\\${char}`), mode: 'insensitive' } }
}

/**
 * The Prisma arguments of one "Mina ärenden" page: newest first, keyset on (createdAt, id), answered from
 * the index on (organizationId, reporterUserId, createdAt, id). The scale test explains exactly this query.
 */
export function myCasesQuery(
  actor: CaseActor,
  input: z.output<typeof ZCaseListInput>,
  scope: Prisma.CaseWhereInput,
) {
  return {
    where: {
      AND: [
        scope,
        input.scope === 'mine' ? { reporterUserId: actor.userId } : {},
        input.status ? { status: input.status } : {},
        input.area ? { area: input.area } : {},
        searchWhere(input.search),
        keysetAfter<Prisma.CaseWhereInput>(
          'createdAt',
          input.cursor && { key: input.cursor.createdAt, id: input.cursor.id },
        ),
      ],
    },
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
    take: input.limit + 1,
  } satisfies Prisma.CaseFindManyArgs
}

export async function listCases(db: Tx, actor: CaseActor, input: z.output<typeof ZCaseListInput>) {
  const scope = await caseScope(db, actor)
  if (!scope) return { rows: [], nextCursor: null, seesOrganization: false }
  const seesOrganization = !('reporterUserId' in scope)
  const query = myCasesQuery(actor, input, scope)
  const rows = await db.case.findMany({
    ...query,
    include: {
      readMarks: { where: { userId: actor.userId }, select: { seenAt: true } },
      reporter: { select: { name: true } },
    },
  })
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
    createdAt: last.createdAt,
    id: last.id,
  }))
  return { rows: page.map(caseRow), nextCursor, seesOrganization }
}

/** The support queue: every organisation's cases, the longest waiting first. */
export async function supportQueue(db: Tx, input: z.output<typeof ZSupportCaseQueueInput>) {
  const rows = await db.case.findMany({
    where: {
      AND: [
        { status: input.status ?? { not: 'CLOSED' } },
        input.area ? { area: input.area } : {},
        input.organizationId ? { organizationId: input.organizationId } : {},
        searchWhere(input.search),
        keysetAfter<Prisma.CaseWhereInput>(
          'statusSince',
          input.cursor && { key: input.cursor.statusSince, id: input.cursor.id },
          'asc',
        ),
      ],
    },
    orderBy: [{ statusSince: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    include: {
      organization: { select: { name: true } },
      reporter: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  })
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
    statusSince: last.statusSince,
    id: last.id,
  }))
  return {
    rows: page.map((row) => ({ ...caseRow(row), news: false, assigneeName: row.assignee?.name ?? null })),
    nextCursor,
  }
}

/** The organisations that have cases, for the queue's filter. */
export async function supportQueueOrganizations(db: Tx) {
  return db.organization.findMany({
    where: { type: 'CUSTOMER', cases: { some: {} } },
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 500,
  })
}

/**
 * The case page: the question, its files, the whole dialogue and, once Avslutat, the answer. Opening it is
 * reading it: what the provider did before now is no longer news to this person.
 */
export async function caseView(db: Tx, actor: CaseActor, caseId: string) {
  const record = await visibleCase(db, actor, caseId)
  const [files, messages, people, organization] = await Promise.all([
    db.caseFile.findMany({
      where: { caseId: record.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, size: true, mediaType: true, messageId: true },
    }),
    db.caseMessage.findMany({
      where: { caseId: record.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.user.findMany({
      where: {
        id: {
          in: [
            record.reporterUserId,
            record.createdByUserId,
            ...(record.assigneeUserId ? [record.assigneeUserId] : []),
          ],
        },
      },
      select: { id: true, name: true },
    }),
    db.organization.findUniqueOrThrow({ where: { id: record.organizationId }, select: { name: true } }),
  ])
  const authorIds = [...new Set(messages.map((message) => message.authorUserId))]
  const authors = await db.user.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, name: true },
  })
  const nameOf = (id: string | null) =>
    [...people, ...authors].find((person) => person.id === id)?.name ?? null
  const now = new Date()
  await db.caseReadMark.upsert({
    where: { caseId_userId: { caseId: record.id, userId: actor.userId } },
    create: { caseId: record.id, userId: actor.userId, seenAt: now },
    update: { seenAt: now },
  })
  const filesOf = (messageId: string | null) =>
    files.filter((file) => file.messageId === messageId).map(({ messageId: _, ...file }) => file)
  return {
    id: record.id,
    number: record.number,
    organizationId: record.organizationId,
    organizationName: organization.name,
    reporterName: nameOf(record.reporterUserId),
    registeredByName: record.channel === 'PHONE' ? nameOf(record.createdByUserId) : null,
    channel: record.channel,
    area: record.area,
    subArea: record.subArea,
    subject: record.subject,
    message: record.message,
    status: record.status as CaseStatus,
    assigneeName: nameOf(record.assigneeUserId),
    takenByMe: record.assigneeUserId === actor.userId,
    /** The viewer is the person the case is about: only they write in it on the customer side. */
    mine: record.reporterUserId === actor.userId,
    answer: record.status === 'CLOSED' ? record.answer : null,
    createdAt: record.createdAt,
    closedAt: record.closedAt,
    version: record.version,
    files: filesOf(null),
    messages: messages.map((message) => ({
      id: message.id,
      authorName: nameOf(message.authorUserId),
      fromProvider: message.fromProvider,
      body: message.body,
      createdAt: message.createdAt,
      files: filesOf(message.id),
    })),
  }
}
export type CaseView = Awaited<ReturnType<typeof caseView>>

const CHANGED_MESSAGE =
  'Ärendet har just ändrats, kanske av någon annan. Ladda om sidan och se hur det ser ut nu.'

/**
 * The one way a case changes: an update that counts its version, with its audit event in the case's
 * organisation's log and the actor's, in one transaction. Support's decisions are conditional on the version
 * the page showed (a parallel change finds nothing to update and is refused); a message, which conflicts
 * with nothing, runs on the case's row lock instead (`lockCase`) and is never refused for another message.
 */
async function changeCase(
  tx: Prisma.TransactionClient,
  actor: CaseActor,
  record: CaseRecord,
  data: Prisma.CaseUncheckedUpdateManyInput,
  action: string,
  details: Record<string, unknown> = {},
  onlyAtShownVersion = true,
) {
  const [after] = await tx.case.updateManyAndReturn({
    where: { id: record.id, ...(onlyAtShownVersion ? { version: record.version } : {}) },
    data: { ...data, version: { increment: 1 } },
  })
  if (!after) throw new AppError('CONFLICT', 'CASE_CHANGED', CHANGED_MESSAGE)
  for (const organizationId of new Set([actor.organizationId, record.organizationId])) {
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action,
      targetType: 'Case',
      targetId: record.id,
      data: { number: record.number, ...details },
    })
  }
  return after
}

/**
 * Holds the case's row until the transaction ends, so writes to one case queue: each then reads the case
 * (still open? how many files?) as the one before left it.
 */
async function lockCase(tx: Prisma.TransactionClient, caseId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId}::uuid FOR UPDATE`
}

function refuseClosed(record: CaseRecord): void {
  if (record.status === 'CLOSED') {
    throw new AppError(
      'CONFLICT',
      'CASE_CLOSED',
      'Ärendet är avslutat. Skapa ett nytt ärende om du har en ny fråga.',
    )
  }
}

/** A message of the dialogue, from the reporter's side (a member who sees the case) or from provider support. */
export async function addCaseMessage(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  input: z.output<typeof ZCaseMessageInput>,
) {
  const fromProvider = actor.organizationType === 'PROVIDER'
  await throttleWrites(db, settings, actor)
  const after = await db.prisma.$transaction(async (tx) => {
    await lockCase(tx, input.caseId)
    const record = await visibleCase(tx, actor, input.caseId)
    // Others may see a case (the organisation's choice); only the person it is about writes in it.
    if (!fromProvider && record.reporterUserId !== actor.userId) {
      throw new AppError('FORBIDDEN', 'CASE_NOT_YOURS', 'Bara den som ärendet gäller kan skriva i det.')
    }
    refuseClosed(record)
    const now = new Date()
    const message = await tx.caseMessage.create({
      data: { caseId: record.id, authorUserId: actor.userId, fromProvider, body: input.body, createdAt: now },
    })
    await attachFiles(
      tx,
      actor.userId,
      input.fileIds,
      { caseId: record.id, organizationId: record.organizationId, messageId: message.id },
      now,
    )
    const after = await changeCase(
      tx,
      actor,
      record,
      fromProvider ? { providerActivityAt: now } : {},
      'case.message_added',
      { messageId: message.id, files: input.fileIds.length },
      false,
    )
    await tx.caseReadMark.upsert({
      where: { caseId_userId: { caseId: record.id, userId: actor.userId } },
      create: { caseId: record.id, userId: actor.userId, seenAt: now },
      update: { seenAt: now },
    })
    if (fromProvider) {
      const reporter = await personOf(tx, record.reporterUserId)
      await enqueueMail(tx, {
        to: reporter.email,
        ...caseMail(reporter.language, 'caseMessage', {
          ...mailInput(settings, record, reporter.name, reporter.language),
          body: input.body,
        }),
      })
    } else if (record.assigneeUserId) {
      const assignee = await personOf(tx, record.assigneeUserId)
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: record.organizationId } })
      await enqueueMail(tx, {
        to: assignee.email,
        ...caseMail(assignee.language, 'caseReply', {
          ...mailInput(settings, record, assignee.name, assignee.language),
          link: caseLink(settings, record.id, 'support'),
          organizationName: organization.name,
          body: input.body,
        }),
      })
    }
    return after
  })
  await publish(events, after, 'message')
  return { version: after.version }
}

async function mailStatus(tx: Prisma.TransactionClient, settings: AuthSettings, record: CaseRecord) {
  const reporter = await personOf(tx, record.reporterUserId)
  const input = mailInput(settings, record, reporter.name, reporter.language)
  await enqueueMail(tx, {
    to: reporter.email,
    ...(record.status === 'CLOSED'
      ? caseMail(reporter.language, 'caseClosed', { ...input, answer: record.answer ?? '' })
      : caseMail(reporter.language, 'caseStatus', { ...input, status: record.status })),
  })
}

/** What support's decision on an open case changes, records and tells. */
interface SupportChange {
  data: Prisma.CaseUncheckedUpdateManyInput
  action: string
  details: Record<string, unknown>
  /** The reporter is mailed the new status (or, closing, the answer). */
  tellReporter: boolean
}

/**
 * Provider support's decisions share one path: the case as the page showed it (its version), still open,
 * changed by `decide`, audited, the reporter mailed, and live pages told once the transaction commits.
 */
async function decideOpenCase(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  shown: { caseId: string; version: number },
  kind: CaseEvent['kind'],
  decide: (record: CaseRecord, now: Date) => SupportChange,
) {
  const after = await db.prisma.$transaction(async (tx) => {
    const record = await visibleCase(tx, actor, shown.caseId)
    if (record.version !== shown.version) throw new AppError('CONFLICT', 'CASE_CHANGED', CHANGED_MESSAGE)
    refuseClosed(record)
    const change = decide(record, new Date())
    const after = await changeCase(tx, actor, record, change.data, change.action, change.details)
    if (change.tellReporter) await mailStatus(tx, settings, after)
    return after
  })
  await publish(events, after, kind)
  return { version: after.version }
}

/** "Ta ärendet": support takes the case; an Inkommit case is Under bearbetning from then on. */
export function takeCase(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  input: z.output<typeof ZTakeCaseInput>,
) {
  return decideOpenCase(db, settings, events, actor, input, 'status', (record, now) => {
    const starts = record.status === 'RECEIVED'
    return {
      data: {
        assigneeUserId: actor.userId,
        ...(starts ? { status: 'IN_PROGRESS', statusSince: now, providerActivityAt: now } : {}),
      },
      action: 'case.taken',
      details: starts ? { from: record.status, to: 'IN_PROGRESS' } : {},
      tellReporter: starts,
    }
  })
}

/** Support moves an open case between Inkommit and Under bearbetning. */
export function setCaseStatus(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  input: z.output<typeof ZSetCaseStatusInput>,
) {
  return decideOpenCase(db, settings, events, actor, input, 'status', (record, now) => {
    if (record.status === input.status) {
      throw new AppError('CONFLICT', 'CASE_STATUS_UNCHANGED', 'Ärendet har redan den statusen.')
    }
    return {
      data: { status: input.status, statusSince: now, providerActivityAt: now },
      action: 'case.status_changed',
      details: { from: record.status, to: input.status },
      tellReporter: true,
    }
  })
}

/** "Avsluta ärendet" with the final answer, which the reporter then reads highlighted. */
export function closeCase(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  input: z.output<typeof ZCloseCaseInput>,
) {
  return decideOpenCase(db, settings, events, actor, input, 'closed', (record, now) => ({
    data: {
      status: 'CLOSED',
      statusSince: now,
      closedAt: now,
      answer: input.answer,
      providerActivityAt: now,
      assigneeUserId: record.assigneeUserId ?? actor.userId,
    },
    action: 'case.closed',
    details: { from: record.status, to: 'CLOSED' },
    tellReporter: true,
  }))
}

/** "Vem ser organisationens ärenden?": the administrator's choice, audited. */
export async function setCaseVisibility(
  db: Db,
  actor: CaseActor,
  visibility: 'REPORTER_ONLY' | 'ADMINS' | 'MEMBERS',
) {
  await db.prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { caseVisibility: true },
    })
    // Conditional, so of parallel identical choices one changes the setting and the log names one change.
    const { count } = await tx.organization.updateMany({
      where: { id: actor.organizationId, caseVisibility: before.caseVisibility },
      data: { caseVisibility: visibility },
    })
    if (count === 0 || before.caseVisibility === visibility) return
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'case.visibility_changed',
      targetType: 'Organization',
      targetId: actor.organizationId,
      data: { from: before.caseVisibility, to: visibility },
    })
  })
  return { visibility }
}
