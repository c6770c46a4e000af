import { type CaseStatus, caseTopicLabel } from '@kundnav/schemas'
import type { TFunction } from 'i18next'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { asDate, formatDateTime, type Instant } from '../../lib/format-date.ts'
import { formatFileSize, usePageLanguage } from './case-format.ts'
import type { CaseFileRef, CaseMessage, CaseView } from './case-query.ts'

/*
 * The parts of a case page, shared by the reporter's page (case-page.tsx) and provider support's: the
 * question (CaseSummary), the dialogue (CaseDialogue), the answer once Avslutat (CaseAnswer), a status as
 * text and colour (CaseStatusText), and files as download links (CaseFileLinks). Their texts are the
 * `cases` namespace: a route showing them awaits `loadCaseTexts()`.
 */

const STATUS_COLOURS: Record<CaseStatus, string> = {
  RECEIVED: 'bg-[#d2e2f1] text-[#0b2e53]',
  IN_PROGRESS: 'bg-[#fff1c2] text-[#4d3800]',
  CLOSED: 'bg-[#d4edda] text-[#14532d]',
}

/** A case's status as text with a colour behind it (never colour alone): Inkommit, Under bearbetning, Avslutat. */
export function CaseStatusText({ status }: { status: CaseStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`inline-block px-2 font-semibold ${STATUS_COLOURS[status]}`}>
      {t(`cases.statuses.${status}`)}
    </span>
  )
}

/** "Mottaget per telefon": a case support registered from a call. */
export function PhoneMarker() {
  const { t } = useTranslation()
  return (
    <span className="inline-block border border-ink px-1.5 text-sm">
      <PhoneIcon />
      {t('cases.byPhone')}
    </span>
  )
}

/** "Nytt": support did something the reader has not seen since they last opened the case. */
export function NewsMarker() {
  const { t } = useTranslation()
  return (
    <span className="inline-block bg-brand px-1.5 font-semibold text-sm text-white">
      <span aria-hidden="true">{t('cases.news')}</span>
      <span className="sr-only">{t('cases.newsLong')}</span>
    </span>
  )
}

/** A time as people write it in Sweden, in a `<time>` element. */
export function CaseTime({ at }: { at: Instant }) {
  const language = usePageLanguage()
  return <time dateTime={asDate(at).toISOString()}>{formatDateTime(at, language)}</time>
}

/** The case's topic as a person reads it: "Lön → Beslut/Underlag", or the area alone. */
export function useCaseTopic(): (area: string, subArea: string | null) => string {
  const language = usePageLanguage()
  return (area, subArea) => caseTopicLabel(area, subArea, language)
}

/** Files of a case or a message, each a download link (`GET /api/files/<id>`) naming its size. */
export function CaseFileLinks({ files, label }: { files: readonly CaseFileRef[]; label?: string }) {
  const { t } = useTranslation()
  const language = usePageLanguage()
  if (files.length === 0) return null
  return (
    <ul aria-label={label ?? t('cases.view.files')} className="space-y-1">
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/files/${file.id}`} download={file.name} className="break-all">
            <PaperclipIcon />
            {t('cases.files.download', { name: file.name, size: formatFileSize(file.size, language) })}
          </a>
        </li>
      ))}
    </ul>
  )
}

/** Text someone wrote, its line breaks kept. */
function Written({ text }: { text: string }) {
  return <p className="max-w-prose whitespace-pre-wrap wrap-break-word">{text}</p>
}

/**
 * The question (seed 002 2.1): number, status, topic, subject, when and how it came in, who it is about,
 * the message and its files. `showOrganization` adds the organisation (for provider support).
 */
export function CaseSummary({
  view,
  showReporter = false,
  showOrganization = false,
  headingLevel = 2,
}: {
  view: CaseView
  showReporter?: boolean
  showOrganization?: boolean
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const topic = useCaseTopic()
  const headingId = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const row = (term: string, detail: ReactNode) => (
    <div className="grid gap-x-6 gap-y-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-semibold">{term}</dt>
      <dd>{detail}</dd>
    </div>
  )
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <Heading id={headingId} className="mb-3 font-bold text-2xl">
        {t('cases.view.summaryHeading')}
      </Heading>
      <dl className="mb-4 max-w-3xl divide-y divide-line border-line border-y">
        {row(t('cases.view.number'), view.number)}
        {row(t('cases.view.status'), <CaseStatusText status={view.status} />)}
        {row(t('cases.view.topic'), topic(view.area, view.subArea))}
        {row(t('cases.view.subject'), <span className="wrap-break-word">{view.subject}</span>)}
        {row(t('cases.view.createdAt'), <CaseTime at={view.createdAt} />)}
        {row(
          t('cases.view.channel'),
          view.channel === 'PHONE'
            ? view.registeredByName
              ? t('cases.view.channelPhone', { name: view.registeredByName })
              : t('cases.view.channelPhoneUnnamed')
            : t('cases.view.channelPortal'),
        )}
        {showOrganization ? row(t('cases.view.organization'), view.organizationName) : null}
        {showReporter
          ? row(t('cases.view.reporter'), view.reporterName ?? t('cases.view.unknownPerson'))
          : null}
        {row(t('cases.view.assignee'), view.assigneeName ?? t('cases.view.nobody'))}
      </dl>
      <h3 className="mb-2 font-bold text-lg">{t('cases.view.message')}</h3>
      <div className="mb-4 border-line border-l-4 pl-4">
        <Written text={view.message} />
      </div>
      {view.files.length > 0 ? (
        <>
          <h3 className="mb-2 font-bold text-lg">{t('cases.view.files')}</h3>
          <CaseFileLinks files={view.files} />
        </>
      ) : null}
    </section>
  )
}

/** Who wrote a message: "Sara Support, supporten" for support, the person's name otherwise. */
function authorOf(t: TFunction, message: CaseMessage): string {
  const name = message.authorName ?? t('cases.view.unknownPerson')
  return message.fromProvider ? t('cases.view.authorProvider', { name }) : name
}

/** The dialogue (both sides' messages, oldest first) with author, time and files. */
export function CaseDialogue({
  messages,
  headingLevel = 2,
}: {
  messages: readonly CaseMessage[]
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <Heading id={headingId} className="mb-3 font-bold text-2xl">
        {t('cases.view.dialogueHeading')}
      </Heading>
      {messages.length === 0 ? (
        <p className="text-ink-muted">{t('cases.view.dialogueEmpty')}</p>
      ) : (
        <ol className="max-w-3xl space-y-4">
          {messages.map((message) => (
            <li
              key={message.id}
              className={`border-l-4 p-4 ${message.fromProvider ? 'border-brand bg-surface' : 'border-line bg-white'}`}
            >
              <article>
                <p className="mb-2">
                  <span className="font-semibold">{authorOf(t, message)}</span>{' '}
                  <span className="text-ink-muted">
                    <CaseTime at={message.createdAt} />
                  </span>
                </p>
                <Written text={message.body} />
                {message.files.length > 0 ? (
                  <div className="mt-3">
                    <CaseFileLinks files={message.files} />
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** The answer, once the case is Avslutat: a highlighted "Svar" panel (seed 002 2.2). */
export function CaseAnswer({
  answer,
  closedAt,
  headingLevel = 2,
  intro,
}: {
  answer: string
  closedAt: Instant | null
  headingLevel?: 2 | 3
  /** The line above the answer when the reader is not the reporter ("… på din fråga" is the reporter's). */
  intro?: (closedAt: string | null) => string
}) {
  const { t } = useTranslation()
  const language = usePageLanguage()
  const headingId = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section
      aria-labelledby={headingId}
      className="mb-8 max-w-3xl border-4 border-[#00703c] bg-[#eef7f0] p-5"
    >
      <Heading id={headingId} className="mb-2 font-bold text-2xl">
        {t('cases.view.answerHeading')}
      </Heading>
      <p className="mb-3 text-ink-muted">
        {intro
          ? intro(closedAt ? formatDateTime(closedAt, language) : null)
          : closedAt
            ? t('cases.view.answerIntro', { date: formatDateTime(closedAt, language) })
            : t('cases.view.answerIntroUndated')}
      </p>
      <Written text={answer} />
    </section>
  )
}

/** A small line drawing the size of the text, beside words that say the same (so aria-hidden). */
function LineIcon({ path }: { path: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="mr-1 inline-block size-[1em] align-[-0.125em]"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  )
}

/** A telephone receiver, drawn (the ☎ character shows as a box without an emoji font). */
function PhoneIcon() {
  return (
    <LineIcon path="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z" />
  )
}

/** A paper clip, drawn (the 📎 character shows as a box without an emoji font). */
function PaperclipIcon() {
  return (
    <LineIcon path="m21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
  )
}
