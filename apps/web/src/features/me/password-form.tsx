import { ZChangePasswordInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ErrorSummary, type FieldError } from '../../components/ui/error-summary.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, validate } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'

const FIELD_IDS = { currentPassword: 'me-current-password', newPassword: 'me-new-password' } as const
type Field = keyof typeof FIELD_IDS

/** "Byt lösenord": the current password, then the new one. The person's other sessions end. */
export function PasswordForm({ username }: { username: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const change = useMutation(trpc.me.changePassword.mutationOptions())
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [attempt, setAttempt] = useState(0)
  const [changed, setChanged] = useState(false)
  const headingId = useId()

  function showErrors(next: Partial<Record<Field, string>>) {
    setErrors(next)
    setAttempt((count) => count + 1)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (change.isPending) return
    const form = event.currentTarget
    setChanged(false)
    const values = formValues(form)
    const result = validate(ZChangePasswordInput, values)
    if (!result.ok) {
      const issue = result.issues.newPassword
      showErrors({
        currentPassword: result.issues.currentPassword ? t('me.currentPasswordMissing') : undefined,
        newPassword: !issue
          ? undefined
          : !values.newPassword
            ? t('auth.newPasswordMissing')
            : issue === 'too_big'
              ? t('auth.passwordTooLong')
              : t('auth.passwordTooShort'),
      })
      return
    }
    setErrors({})
    change.mutate(result.data, {
      onSuccess: async () => {
        form.reset()
        setChanged(true)
        await queryClient.invalidateQueries(trpc.session.list.queryFilter())
      },
      onError: (error) => {
        const code = trpcAppCode(error)
        const fields = trpcFieldErrors(error)
        if (code === 'WRONG_PASSWORD') showErrors({ currentPassword: t('apiErrors.WRONG_PASSWORD') })
        else if (code === 'PASSWORD_TOO_COMMON')
          showErrors({ newPassword: t('apiErrors.PASSWORD_TOO_COMMON') })
        else if (fields.currentPassword?.[0] || fields.newPassword?.[0]) {
          showErrors({ currentPassword: fields.currentPassword?.[0], newPassword: fields.newPassword?.[0] })
        }
      },
    })
  }

  const summary: FieldError[] = (Object.keys(FIELD_IDS) as Field[]).flatMap((field) => {
    const message = errors[field]
    return message ? [{ fieldId: FIELD_IDS[field], message }] : []
  })
  const failed =
    change.isError && !trpcAppCode(change.error) && Object.keys(trpcFieldErrors(change.error)).length === 0

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-4 font-bold text-2xl">
        {t('me.passwordHeading')}
      </h2>
      <StatusMessage message={changed ? t('me.passwordChanged') : null} />
      {summary.length > 0 ? (
        <ErrorSummary key={attempt} title={t('auth.errorSummaryTitle')} errors={summary} />
      ) : null}
      {failed ? (
        <Alert tone="error">
          <p>{t('auth.saveFailed')}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
        {/* Lets password managers store the new password under the right username. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <TextField
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          type="password"
          label={t('me.currentPassword')}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          id={FIELD_IDS.newPassword}
          name="newPassword"
          type="password"
          label={t('me.newPassword')}
          hint={t('auth.newPasswordHint')}
          error={errors.newPassword}
          autoComplete="new-password"
        />
        <Button type="submit" aria-disabled={change.isPending}>
          {change.isPending ? t('auth.saving') : t('me.changePassword')}
        </Button>
      </form>
    </section>
  )
}
