import { useTranslation } from 'react-i18next'
import { errorCodeMessage, trpcErrorCode } from '../../lib/trpc-error.ts'
import { Alert } from './alert.tsx'
import { Button } from './button.tsx'

/**
 * Why a page's data could not be shown: a failure worth trying again or, on a page whose route guard
 * can't tell every refusal in advance, a role the server refuses (`forbiddenText` says whom the page is
 * for). An ended session is the frame's business: it sends the person to "Logga in".
 */
export function LoadProblem({
  error,
  forbiddenText,
  onRetry,
}: {
  error?: unknown
  forbiddenText?: string | undefined
  onRetry: () => void
}) {
  const { t } = useTranslation()
  if (forbiddenText && trpcErrorCode(error) === 'FORBIDDEN') {
    return (
      <Alert tone="notice" heading={t('common.forbiddenHeading')}>
        <p>{forbiddenText}</p>
      </Alert>
    )
  }
  const code = errorCodeMessage(t, error)
  return (
    <Alert tone="error">
      <p>{t('common.loadFailed')}</p>
      {code ? <p>{code}</p> : null}
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  )
}
