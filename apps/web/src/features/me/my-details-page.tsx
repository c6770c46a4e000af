import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { DetailsForm } from './details-form.tsx'
import { MobileSection } from './mobile-section.tsx'
import { PasswordForm } from './password-form.tsx'

/**
 * "Mina uppgifter": username and e-mail to read, name and language to edit, the mobile number signing codes
 * go to (when the portal sends codes by SMS), and "Byt lösenord".
 */
export function MyDetailsPage() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const me = useQuery(trpc.me.get.queryOptions())

  return (
    <>
      <PageHeading>{t('me.title')}</PageHeading>
      {me.isPending ? (
        <Skeleton label={t('me.loading')} lines={6} />
      ) : me.isError ? (
        <LoadProblem error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <>
          <dl className="mb-2 grid max-w-prose grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t('me.username')}</dt>
            <dd className="mb-2 wrap-anywhere sm:mb-0">{me.data.username}</dd>
            <dt className="font-semibold">{t('me.email')}</dt>
            <dd className="wrap-anywhere">{me.data.email}</dd>
          </dl>
          <p className="mb-8 max-w-prose text-ink-muted">{t('me.readOnlyHint')}</p>
          <DetailsForm me={me.data} />
          {me.data.smsEnabled ? <MobileSection me={me.data} /> : null}
          <PasswordForm me={me.data} />
        </>
      )}
    </>
  )
}
