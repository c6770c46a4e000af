import { checkRequestPasswordResetInput } from '@kundnav/schemas/sign-in-forms'
import { useMutation } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, validate } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'

const USERNAME_ID = 'forgot-username'

/**
 * "Glömt/skapa nytt lösenord": mails a link to set a password. The answer is the same whether or not the
 * account exists, so the page never tells anyone which addresses have accounts.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions())
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (request.isPending) return
    const result = validate(checkRequestPasswordResetInput, formValues(event.currentTarget))
    setAttempt((count) => count + 1)
    if (!result.ok) {
      setError(t('auth.forgotUsernameMissing'))
      return
    }
    setError(null)
    request.mutate(result.data)
  }

  return (
    <>
      <PageHeading>{t('auth.forgotTitle')}</PageHeading>
      <StatusMessage message={request.isSuccess ? t('auth.resetRequested') : null} />
      {request.isSuccess ? (
        <p>
          <Link to="/logga-in">{t('auth.backToSignIn')}</Link>
        </p>
      ) : (
        <>
          <p className="mb-6 max-w-prose">{t('auth.forgotIntro')}</p>
          {error ? <ErrorSummary key={attempt} errors={[{ fieldId: USERNAME_ID, message: error }]} /> : null}
          {request.isError ? (
            <div key={attempt}>
              <Alert tone="error">
                <p>{t('common.saveFailed')}</p>
              </Alert>
            </div>
          ) : null}
          <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
            <TextField
              id={USERNAME_ID}
              name="username"
              label={t('auth.username')}
              hint={t('auth.forgotUsernameHint')}
              error={error ?? undefined}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
            <div className="flex flex-wrap items-center gap-6">
              <Button type="submit" aria-disabled={request.isPending}>
                {request.isPending ? t('auth.sending') : t('auth.send')}
              </Button>
              <Link to="/logga-in">{t('auth.backToSignIn')}</Link>
            </div>
          </form>
        </>
      )}
    </>
  )
}
