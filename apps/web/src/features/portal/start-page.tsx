import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { portalInfoQueryOptions } from '../../lib/api.ts'

/** The start page, before sign-in: who runs the portal, and whether this is the demo. */
export function StartPage() {
  const { t } = useTranslation()
  const info = useQuery(portalInfoQueryOptions())
  const providerHeadingId = useId()

  return (
    <>
      <PageHeading documentTitle={t('shell.portalName')}>{t('portal.title')}</PageHeading>
      <p className="mb-8 max-w-prose text-xl">{t('portal.intro')}</p>

      <section aria-labelledby={providerHeadingId} className="mb-8">
        <h2 id={providerHeadingId} className="mb-3 font-bold text-2xl">
          {t('portal.providerHeading')}
        </h2>
        {info.isPending ? (
          <Skeleton label={t('portal.loading')} lines={3} />
        ) : info.isError ? (
          <LoadProblem error={info.error} onRetry={() => void info.refetch()} />
        ) : info.data.providerName ? (
          <dl className="grid max-w-prose grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t('portal.providerName')}</dt>
            <dd className="mb-2 sm:mb-0">{info.data.providerName}</dd>
            {info.data.providerOrgNumber ? (
              <>
                <dt className="font-semibold">{t('portal.providerOrgNumber')}</dt>
                <dd className="mb-2 sm:mb-0">{info.data.providerOrgNumber}</dd>
              </>
            ) : null}
            <dt className="font-semibold">{t('portal.customers')}</dt>
            <dd>{t('portal.customerCount', { count: info.data.customerCount })}</dd>
          </dl>
        ) : (
          <p>{t('portal.noProvider')}</p>
        )}
      </section>

      {info.data?.demoMode ? (
        <Alert tone="notice" heading={t('portal.demoHeading')}>
          <p>{t('portal.demoText')}</p>
          <p>
            <Link to="/dev/mailbox">{t('portal.demoMailboxLink')}</Link>
          </p>
        </Alert>
      ) : null}
    </>
  )
}
