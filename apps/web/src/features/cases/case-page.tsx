import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcErrorCode } from '../../lib/trpc-error.ts'
import { CaseAnswer, CaseDialogue, CaseSummary } from './case-parts.tsx'
import type { CaseView } from './case-query.ts'
import { ReplyForm } from './reply-form.tsx'
import { useCaseUpdates } from './use-case-updates.ts'

/**
 * A case from the reporter's side (seed 002, 2.2): once Avslutat the answer first, highlighted; the
 * question; the dialogue; and, while it is open and the case is the viewer's own, "Skriv ett meddelande".
 * Others who may see it (the organisation's choice) read it only. A case that closes while the page is
 * open is announced.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const view = useQuery(trpc.case.get.queryOptions({ caseId }))
  // A message, a status or the answer from support shows without reloading (and a closing is said).
  useCaseUpdates(caseId)
  const closedNotice = useClosedNotice(view.data)
  const noticeRef = useRef<HTMLParagraphElement>(null)
  // The form to write goes away as the case closes: focus that was in it goes to the notice, not the page.
  useEffect(() => {
    if (!closedNotice) return
    const active = document.activeElement
    if (!active || active === document.body) noticeRef.current?.focus()
  }, [closedNotice])

  return (
    <>
      <p className="mb-4">
        <Link to="/arenden">
          <span aria-hidden="true">← </span>
          {t('cases.view.back')}
        </Link>
      </p>
      <PageHeading unbroken={view.data?.number}>
        {view.data ? t('cases.view.caseTitle', { number: view.data.number }) : t('cases.view.title')}
      </PageHeading>
      <p
        ref={noticeRef}
        role="status"
        tabIndex={-1}
        className={closedNotice ? 'mb-6 font-semibold' : 'sr-only'}
      >
        {closedNotice ? t('cases.view.closedAnnouncement') : ''}
      </p>
      {view.isPending ? (
        <Skeleton label={t('cases.view.loading')} lines={8} />
      ) : !view.data ? (
        trpcErrorCode(view.error) === 'NOT_FOUND' ? (
          <Alert tone="notice">
            <p>{t('cases.view.notFound')}</p>
          </Alert>
        ) : (
          <LoadProblem error={view.error} onRetry={() => void view.refetch()} />
        )
      ) : (
        <>
          {view.data.status === 'CLOSED' && view.data.answer ? (
            <CaseAnswer answer={view.data.answer} closedAt={view.data.closedAt} />
          ) : null}
          <CaseSummary view={view.data} showReporter={!view.data.mine} />
          <CaseDialogue messages={view.data.messages} />
          {view.data.status === 'CLOSED' ? (
            <p className="mb-8 max-w-prose">
              {t('cases.view.closedNoReply')} <Link to="/arenden/nytt">{t('cases.list.create')}</Link>
            </p>
          ) : null}
          {/* Kept as the case closes: what the reporter was writing stays, read-only. */}
          {view.data.mine ? (
            <ReplyForm view={view.data} caseClosed={view.data.status === 'CLOSED'} />
          ) : view.data.status === 'CLOSED' ? null : (
            <p className="mb-8 max-w-prose text-ink-muted">{t('cases.view.notYoursNoReply')}</p>
          )}
        </>
      )}
    </>
  )
}

/** True once the case, open when the page showed it, has become Avslutat (a live update): then it is said. */
function useClosedNotice(view: CaseView | undefined): boolean {
  const [closedNow, setClosedNow] = useState(false)
  const wasOpen = useRef<boolean | null>(null)
  useEffect(() => {
    if (!view) return
    const open = view.status !== 'CLOSED'
    if (wasOpen.current === true && !open) setClosedNow(true)
    wasOpen.current = open
  }, [view])
  return closedNow
}
