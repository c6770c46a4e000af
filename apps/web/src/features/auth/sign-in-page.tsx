import { checkSignInInput } from '@kundnav/schemas/sign-in-forms'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { sessionQueryOptions } from '../../lib/api.ts'
import { type SignInResult, signIn } from '../../lib/auth-client.ts'
import { describeWait } from '../../lib/describe-wait.ts'
import { formValues, useFieldErrors, validate } from '../../lib/form.ts'
import { resetAfterIdentityChange, type SessionInfo, type SignInNotice } from '../../lib/session.ts'

const FIELD_IDS = { username: 'sign-in-username', password: 'sign-in-password' } as const

/**
 * "Logga in": username (usually the e-mail address) and password, sent to Auth.js. What happens after
 * (the role chooser, the page the person came from) is the route's business: `onSignedIn`.
 */
export function SignInPage({
  notice,
  idleMinutes,
  username,
  needsSignIn,
  onSignedIn,
}: {
  notice: SignInNotice | undefined
  idleMinutes: number | undefined
  /** Prefilled, e.g. after a new password was saved. */
  username: string | undefined
  /** The person was sent here from a page that needs sign-in. */
  needsSignIn: boolean
  onSignedIn: (session: SessionInfo) => void
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const passwordRef = useRef<HTMLInputElement>(null)
  const fields = useFieldErrors(FIELD_IDS)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function failureMessage(result: Exclude<SignInResult, { ok: true }>): string {
    switch (result.code) {
      case 'INVALID_CREDENTIALS':
        return t('auth.invalidCredentials')
      case 'INVALID_INPUT':
        return t('auth.invalidInput')
      case 'LOGIN_THROTTLED':
        return t('auth.throttled', { wait: describeWait(t, result.waitSeconds) })
      default:
        return t('auth.unavailable')
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const result = validate(checkSignInInput, formValues(event.currentTarget))
    if (!result.ok) {
      setFailure(null)
      fields.show({
        username: result.issues.username ? t('auth.usernameMissing') : undefined,
        password: result.issues.password ? t('auth.passwordMissing') : undefined,
      })
      return
    }
    // Counts the attempt too, so a repeated failure below is announced again.
    fields.show({})
    setFailure(null)
    setBusy(true)
    const outcome = await signIn(result.data.username, result.data.password)
    if (!outcome.ok) {
      setBusy(false)
      setFailure(failureMessage(outcome))
      if (passwordRef.current) passwordRef.current.value = ''
      return
    }
    await resetAfterIdentityChange(queryClient)
    const session = await queryClient.fetchQuery(sessionQueryOptions())
    setBusy(false)
    onSignedIn(session)
  }

  const noticeText =
    notice === 'passwordSaved'
      ? t('auth.noticePasswordSaved')
      : notice === 'idle'
        ? t('auth.noticeIdle', { count: idleMinutes ?? 30 })
        : notice === 'signedOut'
          ? t('auth.noticeSignedOut')
          : needsSignIn
            ? t('auth.needsSignIn')
            : null

  return (
    <>
      <PageHeading>{t('auth.signInTitle')}</PageHeading>
      <StatusMessage message={noticeText} />
      {fields.summary.length > 0 ? <ErrorSummary key={fields.attempt} errors={fields.summary} /> : null}
      {failure ? (
        <div key={fields.attempt}>
          <Alert tone="error">
            <p>{failure}</p>
          </Alert>
        </div>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="max-w-xl space-y-6">
        <TextField
          id={FIELD_IDS.username}
          name="username"
          label={t('auth.username')}
          hint={t('auth.usernameHint')}
          error={fields.errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={username ?? ''}
        />
        <TextField
          ref={passwordRef}
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label={t('auth.password')}
          error={fields.errors.password}
          autoComplete="current-password"
        />
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit" aria-disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
          <Link to="/glomt-losenord">{t('auth.forgotLink')}</Link>
        </div>
        <p className="max-w-prose text-ink-muted">{t('auth.firstTime')}</p>
      </form>
    </>
  )
}
