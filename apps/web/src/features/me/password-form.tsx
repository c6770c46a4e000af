import type { AppRouter } from '@kundnav/api'
import { ZChangePasswordInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { minutesValid, ResendCode, type SentCode, StepUpCodeField } from '../../components/step-up-code.tsx'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, hasMessages, serverFieldErrors, useFieldErrors, validate } from '../../lib/form.ts'
import { formatMobile } from '../../lib/format-mobile.ts'
import { type StepUpRefusal, stepUpRefusal } from '../../lib/step-up.ts'
import { useTRPC } from '../../lib/trpc.ts'

type Me = inferRouterOutputs<AppRouter>['me']['get']

const FIELD_IDS = {
  currentPassword: 'me-current-password',
  newPassword: 'me-new-password',
  code: 'me-password-code',
} as const

/** The password fields' ids alone: what the server refuses about them sends the person back to them. */
const PASSWORD_FIELD_IDS = { currentPassword: FIELD_IDS.currentPassword, newPassword: FIELD_IDS.newPassword }

/**
 * "Byt lösenord": the current password, then the new one. The person's other sessions end. With a verified
 * mobile number the server first checks both and sends a code by SMS; the passwords stay (hidden) in the
 * form, and sending it again with the code changes the password.
 */
export function PasswordForm({ me }: { me: Me }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const change = useMutation(trpc.me.changePassword.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const status = useStatusMessage()
  /** The code sent for this change: the form asks for it. Null while asking for the passwords. */
  const [sent, setSent] = useState<SentCode | null>(null)
  /** Why the form went back to the passwords, or why no code could be sent: not about a field. */
  const [problem, setProblem] = useState<string[] | null>(null)
  const headingId = useId()
  const currentField = useRef<HTMLInputElement>(null)
  const codeField = useRef<HTMLInputElement>(null)
  const focusNext = useRef<(() => HTMLElement | null) | null>(null)
  useEffect(() => {
    const target = focusNext.current?.()
    if (target) {
      focusNext.current = null
      target.focus()
    }
  })

  function backToPasswords(lines: string[] | null) {
    setSent(null)
    setProblem(lines)
    focusNext.current = () => currentField.current
  }

  /** The code can no longer be used: back to the passwords (kept), saying why and what to do. */
  function startOver(refusal: StepUpRefusal) {
    fields.clear()
    backToPasswords(
      refusal.kind === 'unavailable' ? [refusal.message] : [refusal.message, t('me.passwordStartOver')],
    )
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (change.isPending) return
    const form = event.currentTarget
    status.clear()
    setProblem(null)
    const values = formValues(form)
    const code = values.code ?? ''
    const result = validate(ZChangePasswordInput, {
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
      ...(sent ? { stepUp: { challengeId: sent.challengeId, code } } : {}),
    })
    if (!result.ok) {
      const issue = result.issues.newPassword
      const passwordErrors = {
        currentPassword: result.issues.currentPassword ? t('me.currentPasswordMissing') : undefined,
        newPassword: !issue
          ? undefined
          : !values.newPassword
            ? t('auth.newPasswordMissing')
            : issue === 'too_big'
              ? t('auth.passwordTooLong')
              : t('auth.passwordTooShort'),
      }
      if (hasMessages(passwordErrors)) {
        if (sent) backToPasswords(null)
        fields.show(passwordErrors)
      } else {
        fields.show({ code: code.trim() ? t('stepUp.codeFormat') : t('stepUp.codeMissing') })
      }
      return
    }
    fields.clear()
    change.mutate(result.data, {
      onSuccess: async (answer) => {
        if (answer.status === 'CODE_SENT') {
          setSent(answer)
          focusNext.current = () => codeField.current
          return
        }
        form.reset()
        setSent(null)
        status.announce(t('me.passwordChanged'))
        await queryClient.invalidateQueries(trpc.session.list.queryFilter())
      },
      onError: (error) => {
        const refusal = stepUpRefusal(t, error)
        if (refusal) {
          if (refusal.kind === 'code') fields.show({ code: refusal.message })
          else if (refusal.kind === 'wait') setProblem([refusal.message])
          else startOver(refusal)
          return
        }
        // A wrong current password or a too common new one is the server's verdict on that field.
        const found = serverFieldErrors(t, error, PASSWORD_FIELD_IDS)
        if (hasMessages(found)) {
          if (sent) backToPasswords(null)
          fields.show(found)
        }
      },
    })
  }

  // Whatever the handler above did not turn into a field message or a step-up refusal.
  const failed =
    change.isError &&
    !stepUpRefusal(t, change.error) &&
    !hasMessages(serverFieldErrors(t, change.error, PASSWORD_FIELD_IDS))
  const codeTo = me.stepUpMethods.includes('SMS') && me.mobile ? formatMobile(me.mobile) : null

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-4 font-bold text-2xl">
        {t('me.passwordHeading')}
      </h2>
      {codeTo && !sent ? (
        <p className="mb-4 max-w-prose">{t('me.passwordCodeHint', { mobile: codeTo })}</p>
      ) : null}
      <StatusMessage ref={status.ref} message={status.message} />
      {problem ? (
        <Alert tone="error">
          {problem.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Alert>
      ) : null}
      <FormErrors errors={fields.summary} attempt={fields.attempt} failed={failed} error={change.error} />
      <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
        {/* Lets password managers store the new password under the right username. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        {/* Kept while the code is asked for: the second call sends the same passwords with the code. */}
        <div hidden={sent !== null} className="space-y-6">
          <TextField
            ref={currentField}
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
        </div>
        {sent ? (
          <>
            <p className="max-w-prose">{t('me.passwordCodeSent', { sentTo: sent.sentTo })}</p>
            <StepUpCodeField
              ref={codeField}
              id={FIELD_IDS.code}
              hint={t('stepUp.validFor', { count: minutesValid(sent) })}
              error={fields.errors.code}
            />
          </>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <Button type="submit" aria-disabled={change.isPending}>
            {change.isPending ? t('common.saving') : t('me.changePassword')}
          </Button>
          {sent ? (
            <Button
              variant="secondary"
              onClick={() => {
                fields.clear()
                backToPasswords(null)
              }}
            >
              {t('common.cancel')}
            </Button>
          ) : null}
        </div>
        {sent ? (
          <ResendCode
            sent={sent}
            onSent={(next) => {
              fields.clear()
              setSent(next)
              status.announce(t('stepUp.resent', { sentTo: next.sentTo }))
            }}
            onRefused={startOver}
          />
        ) : null}
      </form>
    </section>
  )
}
