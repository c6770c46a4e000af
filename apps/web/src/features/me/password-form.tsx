import { ZChangePasswordInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, hasMessages, serverFieldErrors, useFieldErrors, validate } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'

const FIELD_IDS = { currentPassword: 'me-current-password', newPassword: 'me-new-password' } as const

/** "Byt lösenord": the current password, then the new one. The person's other sessions end. */
export function PasswordForm({ username }: { username: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const change = useMutation(trpc.me.changePassword.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const [changed, setChanged] = useState(false)
  const headingId = useId()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (change.isPending) return
    const form = event.currentTarget
    setChanged(false)
    const values = formValues(form)
    const result = validate(ZChangePasswordInput, values)
    if (!result.ok) {
      const issue = result.issues.newPassword
      fields.show({
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
    fields.clear()
    change.mutate(result.data, {
      onSuccess: async () => {
        form.reset()
        setChanged(true)
        await queryClient.invalidateQueries(trpc.session.list.queryFilter())
      },
      onError: (error) => {
        // A wrong current password or a too common new one is the server's verdict on that field.
        const found = serverFieldErrors(t, error, FIELD_IDS)
        if (hasMessages(found)) fields.show(found)
      },
    })
  }

  const failed =
    change.isError && !trpcAppCode(change.error) && Object.keys(trpcFieldErrors(change.error)).length === 0

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-4 font-bold text-2xl">
        {t('me.passwordHeading')}
      </h2>
      <StatusMessage message={changed ? t('me.passwordChanged') : null} />
      <FormErrors errors={fields.summary} attempt={fields.attempt} failed={failed} error={change.error} />
      <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
        {/* Lets password managers store the new password under the right username. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <TextField
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          type="password"
          label={t('me.currentPassword')}
          error={fields.errors.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          id={FIELD_IDS.newPassword}
          name="newPassword"
          type="password"
          label={t('me.newPassword')}
          hint={t('auth.newPasswordHint')}
          error={fields.errors.newPassword}
          autoComplete="new-password"
        />
        <Button type="submit" aria-disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('me.changePassword')}
        </Button>
      </form>
    </section>
  )
}
