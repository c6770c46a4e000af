import { checkSetPasswordInput } from '@kundnav/schemas/sign-in-forms'
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { sessionQueryOptions } from '../../lib/api.ts'
import {
  type FieldMessages,
  formValues,
  hasMessages,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { showNotice } from '../../lib/notice.ts'
import { resetAfterIdentityChange, type SessionInfo } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcErrorCode, trpcFieldErrors } from '../../lib/trpc-error.ts'

const FIELD_IDS = { password: 'new-password', repeat: 'new-password-repeat' } as const
type Field = keyof typeof FIELD_IDS

/** A link that can't be used: expired, used, withdrawn by a newer one, or made up. */
function LinkProblem({ expired }: { expired: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading>{t('auth.linkProblemTitle')}</PageHeading>
      <Alert tone="error">
        <p>{expired ? t('apiErrors.LINK_EXPIRED') : t('apiErrors.LINK_INVALID')}</p>
        <p>
          <Link to="/glomt-losenord">{t('auth.forgotLink')}</Link>
        </p>
      </Alert>
    </>
  )
}

/**
 * "/nytt-losenord?token=…" from a mailed link: checks the link first, then sets the password, which also
 * signs the person in. On success `onSaved` gets the new session (the route goes on as after "Logga in")
 * and the username; the page it goes to then says the password is saved.
 */
export function NewPasswordPage({
  token,
  onSaved,
}: {
  token: string | undefined
  onSaved: (saved: { session: SessionInfo; username: string }) => Promise<void>
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const link = useQuery(
    trpc.auth.checkPasswordLink.queryOptions(token ? { token } : skipToken, { staleTime: 0 }),
  )
  const setPassword = useMutation(trpc.auth.setPassword.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const [linkRefused, setLinkRefused] = useState<'invalid' | 'expired' | null>(null)

  if (!token) return <LinkProblem expired={false} />
  if (linkRefused) return <LinkProblem expired={linkRefused === 'expired'} />
  if (link.isPending) {
    return (
      <>
        <PageHeading>{t('auth.newPasswordTitle')}</PageHeading>
        <Skeleton label={t('auth.checkingLink')} lines={3} />
      </>
    )
  }
  if (link.isError) {
    const code = trpcAppCode(link.error)
    if (code === 'LINK_EXPIRED') return <LinkProblem expired />
    if (code === 'LINK_INVALID' || trpcErrorCode(link.error) === 'BAD_REQUEST')
      return <LinkProblem expired={false} />
    return (
      <>
        <PageHeading>{t('auth.newPasswordTitle')}</PageHeading>
        <LoadProblem error={link.error} onRetry={() => void link.refetch()} />
      </>
    )
  }

  const { username, purpose } = link.data

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (setPassword.isPending || !token) return
    const values = formValues(event.currentTarget)
    const password = values.password ?? ''
    const repeat = values.repeat ?? ''
    const result = validate(checkSetPasswordInput, { token, password })
    const next: FieldMessages<Field> = {}
    if (!result.ok && result.issues.password) {
      next.password =
        password === ''
          ? t('auth.newPasswordMissing')
          : result.issues.password === 'too_big'
            ? t('auth.passwordTooLong')
            : t('auth.passwordTooShort')
    }
    if (repeat === '') next.repeat = t('auth.repeatMissing')
    else if (repeat !== password) next.repeat = t('auth.passwordsDiffer')
    if (hasMessages(next)) {
      fields.show(next)
      return
    }
    if (!result.ok) {
      // Only the token can be wrong here: a link too short to be real.
      setLinkRefused('invalid')
      return
    }
    fields.clear()
    setPassword.mutate(result.data, {
      onSuccess: async (saved) => {
        // The server ended every session of the person and started this one: whatever this browser had
        // cached belonged to before.
        await resetAfterIdentityChange(queryClient)
        const session = await queryClient.fetchQuery(sessionQueryOptions())
        await onSaved({ session, username: saved.username })
        if (session) showNotice(t('auth.passwordSavedSignedIn'))
      },
      onError: (error) => {
        const code = trpcAppCode(error)
        if (code === 'LINK_EXPIRED') setLinkRefused('expired')
        else if (code === 'LINK_INVALID') setLinkRefused('invalid')
        else {
          // A too common password, or the schema's verdict, is about the password field.
          const found = serverFieldErrors(t, error, FIELD_IDS)
          if (hasMessages(found)) fields.show(found)
        }
      },
    })
  }

  const failed =
    setPassword.isError &&
    !['LINK_EXPIRED', 'LINK_INVALID', 'PASSWORD_TOO_COMMON'].includes(trpcAppCode(setPassword.error) ?? '') &&
    !trpcFieldErrors(setPassword.error).password

  return (
    <>
      <PageHeading>
        {purpose === 'invite' ? t('auth.choosePasswordTitle') : t('auth.newPasswordTitle')}
      </PageHeading>
      <p className="mb-6 max-w-prose">{t('auth.newPasswordFor', { username })}</p>
      <FormErrors
        errors={fields.summary}
        attempt={fields.attempt}
        failed={failed}
        error={setPassword.error}
      />
      <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
        {/* Lets password managers store the new password under the right username. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label={t('auth.newPassword')}
          hint={t('auth.newPasswordHint')}
          error={fields.errors.password}
          autoComplete="new-password"
        />
        <TextField
          id={FIELD_IDS.repeat}
          name="repeat"
          type="password"
          label={t('auth.repeatPassword')}
          error={fields.errors.repeat}
          autoComplete="new-password"
        />
        <Button type="submit" aria-disabled={setPassword.isPending}>
          {setPassword.isPending ? t('common.saving') : t('auth.savePassword')}
        </Button>
      </form>
    </>
  )
}
