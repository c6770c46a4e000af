import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcErrorCode } from '../../lib/trpc-error.ts'
import { CaseAnswer, CaseDialogue, CaseSummary } from '../cases/case-parts.tsx'
import { ReplyForm } from '../cases/reply-form.tsx'
import { useCaseUpdates } from '../cases/use-case-updates.ts'
import { SupportCaseHandling } from './support-case-handling.tsx'
import { type SupportCaseSearch, supportCaseOptions } from './support-case-query.ts'

/**
 * Provider support's case page: the case as the reporter sees it (the question, the dialogue and, once
 * Avslutat, the answer highlighted), and what support does with it: "Ta ärendet", the status (Inkommit /
 * Under bearbetning), a message to the reporter with files, and "Avsluta ärendet" with the final answer.
 * Every change sends the version the page shows; a case changed meanwhile is refused (CASE_CHANGED) and
 * the page offers to fetch it again. Live updates keep it current while it is open.
 */
export function SupportCasePage({ caseId, listSearch }: { caseId: string; listSearch: SupportCaseSearch }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const view = useQuery(supportCaseOptions(trpc, caseId))
  const status = useStatusMessage()
  // A colleague's change, or the reporter's message, shows without a reload.
  useCaseUpdates(caseId)
  // True once this page has sent "Avsluta ärendet", so only someone else's closing is said as such.
  const closingHere = useRef(false)
  const wasOpen = useRef<boolean | null>(null)
  const currentStatus = view.data?.status

  // Closed meanwhile (a colleague, or this case in another tab): the form to write goes away and an
  // earlier confirmation ("Du har tagit ärendet …") no longer holds, so say what happened and keep focus.
  useEffect(() => {
    if (!currentStatus) return
    const isOpen = currentStatus !== 'CLOSED'
    if (wasOpen.current === true && !isOpen && !closingHere.current) {
      status.announce(t('supportCases.view.closedMeanwhile'))
      if (document.activeElement === document.body || !document.activeElement) status.ref.current?.focus()
    }
    wasOpen.current = isOpen
  }, [currentStatus, status, t])

  /**
   * After a change: this case (awaited, so the page shows the new version before it says the change is
   * made, and the next change sends that version), and the queue it is listed in.
   */
  async function changed() {
    await Promise.all([
      queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId })),
      queryClient.invalidateQueries(trpc.supportCase.pathFilter()),
    ])
  }

  async function reload() {
    await queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId }))
    status.announce(t('supportCases.view.reloaded'))
    status.ref.current?.focus()
  }

  const back = (
    <p className="mb-4">
      <Link to="/support/arenden" search={listSearch} className="font-semibold">
        <span aria-hidden="true">← </span>
        {t('supportCases.view.back')}
      </Link>
    </p>
  )

  if (!view.data) {
    // A heading from the start, so focus has somewhere to go after the page change.
    return (
      <>
        {back}
        <PageHeading>{t('cases.view.title')}</PageHeading>
        {view.isPending ? (
          <Skeleton label={t('supportCases.view.loading')} lines={8} />
        ) : trpcErrorCode(view.error) === 'NOT_FOUND' ? (
          <Alert tone="notice">
            <p>{t('cases.view.notFound')}</p>
          </Alert>
        ) : (
          <LoadProblem error={view.error} onRetry={() => void view.refetch()} />
        )}
      </>
    )
  }

  const data = view.data
  const reporterName = data.reporterName ?? t('cases.view.unknownPerson')
  const open = data.status !== 'CLOSED'
  return (
    <>
      {back}
      <PageHeading unbroken={data.number}>
        {t('supportCases.view.title', { number: data.number })}
      </PageHeading>
      <p className="mb-6 max-w-prose font-semibold text-xl wrap-break-word">{data.subject}</p>
      <StatusMessage ref={status.ref} message={status.message} />
      <SupportCaseHandling
        view={data}
        reporterName={reporterName}
        onChanged={async (message, { fromDialog }) => {
          await changed()
          // From a dialog, focus goes to the confirmation as the dialog closes; else straight away.
          status.announce(message, { focus: fromDialog })
          if (!fromDialog) status.ref.current?.focus()
        }}
        onClosing={(sent) => {
          closingHere.current = sent
        }}
        onReload={() => void reload()}
        returnFocus={() => status.returnFocus()}
      />
      {data.answer ? (
        <CaseAnswer
          answer={data.answer}
          closedAt={data.closedAt}
          intro={(date) =>
            date
              ? t('supportCases.view.answerIntro', { date, name: reporterName })
              : t('supportCases.view.answerIntroUndated', { name: reporterName })
          }
        />
      ) : null}
      <CaseSummary view={data} showReporter showOrganization />
      <CaseDialogue messages={data.messages} />
      {/* Kept as the case closes elsewhere: what support was writing stays, read-only. */}
      <ReplyForm
        view={data}
        caseClosed={!open}
        idPrefix="skriv-till-personen"
        heading={t('supportCases.view.writeHeading', { name: reporterName })}
        hint={t('supportCases.view.writeIntro', { name: reporterName })}
        sentMessage={t('supportCases.view.sent', { name: reporterName })}
        closedMessage={t('supportCases.view.errors.CASE_CLOSED')}
      />
    </>
  )
}
