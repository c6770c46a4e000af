import { useTranslation } from 'react-i18next'
import { trpcErrorCode } from '../../lib/trpc-error.ts'
import { Alert } from './alert.tsx'
import { Button } from './button.tsx'

/**
 * Why a page's data could not be shown: not signed in (with the way to sign in), a role without access
 * (`forbiddenText` says which role the page is for), or a failure worth trying again.
 */
export function LoadProblem({
  error,
  forbiddenText,
  onRetry,
}: {
  error: unknown
  forbiddenText: string
  onRetry: () => void
}) {
  const { t } = useTranslation()
  const code = trpcErrorCode(error)
  if (code === 'UNAUTHORIZED') {
    return (
      <Alert tone="notice">
        <p>{t('admin.signInRequired')}</p>
        <p>
          <a href="/logga-in">{t('admin.signIn')}</a>
        </p>
      </Alert>
    )
  }
  if (code === 'FORBIDDEN') {
    return (
      <Alert tone="notice" heading={t('admin.forbiddenHeading')}>
        <p>{forbiddenText}</p>
      </Alert>
    )
  }
  return (
    <Alert tone="error">
      <p>{t('common.loadFailed')}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  )
}
