import { type ErrorComponentProps, useRouter } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { errorCodeMessage } from '../../lib/trpc-error.ts'
import { PageNotForRole } from '../route-guards.ts'
import { NotForRolePage } from './not-for-role-page.tsx'

/**
 * Shown when a page fails to render. "Gå till startsidan" is a full page load on purpose: it leaves
 * whatever state broke the page behind. A failure the server logged shows its error code for support.
 * A page the active role may not use is no failure: it says whom the page is for.
 */
export function ErrorPage(props: ErrorComponentProps) {
  if (props.error instanceof PageNotForRole) return <NotForRolePage permission={props.error.permission} />
  return <FailedPage {...props} />
}

function FailedPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation()
  const router = useRouter()
  if (import.meta.env.DEV) console.error(error)
  const errorCode = errorCodeMessage(t, error)
  return (
    <>
      <PageHeading>{t('errorPage.title')}</PageHeading>
      <p className="mb-6">{t('errorPage.text')}</p>
      {errorCode ? <p className="mb-6">{errorCode}</p> : null}
      <div className="flex flex-wrap items-center gap-6">
        <Button
          onClick={() => {
            // Reloads the route's data and resets its error boundary.
            reset()
            void router.invalidate()
          }}
        >
          {t('common.retry')}
        </Button>
        <a href="/">{t('common.backToStart')}</a>
      </div>
    </>
  )
}
