import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useCaseTopic } from './case-parts.tsx'

/**
 * After "Skicka ärendet" (seed 002: "When your question/issue has been received, you will get an e-mail
 * with a case number"): the number, its topic and status, that the receipt has been mailed, and the way on.
 */
export function CaseCreatedPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const topic = useCaseTopic()
  const view = useQuery(trpc.case.get.queryOptions({ caseId }))

  return (
    <>
      <PageHeading>{t('cases.created.title')}</PageHeading>
      {view.isPending ? (
        <Skeleton label={t('cases.created.loading')} lines={3} />
      ) : !view.data ? (
        <LoadProblem error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <>
          <div className="mb-8 max-w-prose bg-[#00703c] p-6 text-white">
            <p className="text-xl">{t('cases.created.number')}</p>
            <p className="font-bold text-3xl">{view.data.number}</p>
            <p className="mt-2">{topic(view.data.area, view.data.subArea)}</p>
          </div>
          <p className="mb-4 max-w-prose">{t('cases.created.received', { subject: view.data.subject })}</p>
          <p className="mb-4 max-w-prose">{t('cases.created.mailed')}</p>
          <p className="mb-8 max-w-prose">{t('cases.created.next')}</p>
          <ul className="space-y-2">
            <li>
              <Link to="/arenden/$caseId" params={{ caseId }}>
                {t('cases.created.toCase')}
              </Link>
            </li>
            <li>
              <Link to="/arenden">{t('cases.created.toCases')}</Link>
            </li>
            <li>
              <Link to="/arenden/nytt">{t('cases.created.createMore')}</Link>
            </li>
          </ul>
        </>
      )}
    </>
  )
}
