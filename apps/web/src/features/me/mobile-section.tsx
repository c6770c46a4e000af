import type { AppRouter } from '@kundnav/api'
import { ZConfirmMobileInput, ZStartMobileVerificationInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { minutesValid, ResendCode, type SentCode, StepUpCodeField } from '../../components/step-up-code.tsx'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, hasMessages, serverFieldErrors, useFieldErrors, validate } from '../../lib/form.ts'
import { formatMobile } from '../../lib/format-mobile.ts'
import { type StepUpRefusal, stepUpRefusal } from '../../lib/step-up.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'

type Me = inferRouterOutputs<AppRouter>['me']['get']

const FIELD_IDS = {
  mobile: 'me-mobile',
  currentPassword: 'me-mobile-password',
  code: 'me-mobile-code',
} as const
const REMOVE_FIELD_IDS = { currentPassword: 'me-remove-mobile-password' } as const

/** Closed, asking for the number, or asking for the code sent to it. */
type Step = { name: 'closed' } | { name: 'number' } | { name: 'code'; mobile: string; sent: SentCode }

/**
 * "Mobilnummer": the verified number signing codes go to. A new number is saved only once the code sent
 * to it comes back; removing the number asks first. Shown only when the portal sends codes by SMS.
 */
export function MobileSection({ me }: { me: Me }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const start = useMutation(trpc.me.startMobileVerification.mutationOptions())
  const confirm = useMutation(trpc.me.confirmMobile.mutationOptions())
  const remove = useMutation(trpc.me.removeMobile.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const removeFields = useFieldErrors(REMOVE_FIELD_IDS)
  const status = useStatusMessage()
  const [step, setStep] = useState<Step>({ name: 'closed' })
  const [typed, setTyped] = useState('')
  /** Why the form went back to the number, or why no code could be sent: not about a field. */
  const [problem, setProblem] = useState<string[] | null>(null)
  /** A failure the page cannot explain (network, server error): the form says it could not save. */
  const [failure, setFailure] = useState<unknown>(null)
  const [removing, setRemoving] = useState(false)
  const headingId = useId()
  const openButton = useRef<HTMLButtonElement>(null)
  const numberField = useRef<HTMLInputElement>(null)
  const codeField = useRef<HTMLInputElement>(null)
  // Where focus goes once the step it waits for is on the page.
  const focusNext = useRef<(() => HTMLElement | null) | null>(null)
  useEffect(() => {
    const target = focusNext.current?.()
    if (target) {
      focusNext.current = null
      target.focus()
    }
  })

  function reset() {
    fields.clear()
    setProblem(null)
    setFailure(null)
  }

  function open() {
    reset()
    status.clear()
    setTyped('')
    setStep({ name: 'number' })
    focusNext.current = () => numberField.current
  }

  function close() {
    reset()
    setStep({ name: 'closed' })
    focusNext.current = () => openButton.current
  }

  /** The code can no longer be used: back to the number (kept), saying why and what to do. */
  function startOver(refusal: StepUpRefusal) {
    fields.clear()
    setFailure(null)
    setProblem([refusal.message, t('me.mobileStartOver')])
    setStep({ name: 'number' })
    focusNext.current = () => numberField.current
    // A code already used may have verified the number in another tab.
    if (refusal.kind === 'closed') void queryClient.invalidateQueries(trpc.me.get.queryFilter())
  }

  /** No code could be sent or checked now (a wait, SMS switched off): said above the form. */
  function refused(refusal: StepUpRefusal) {
    setProblem([refusal.message])
    if (refusal.kind === 'unavailable') void queryClient.invalidateQueries(trpc.me.get.queryFilter())
  }

  function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (start.isPending) return
    reset()
    // Replacing a verified number takes the current password: a session alone must not move the codes.
    const currentPassword = me.mobile ? (formValues(event.currentTarget).currentPassword ?? '') : undefined
    const result = validate(ZStartMobileVerificationInput, { mobile: typed })
    if (!result.ok || currentPassword === '') {
      fields.show({
        mobile: result.ok ? undefined : typed.trim() ? t('me.mobileInvalid') : t('me.mobileMissing'),
        currentPassword: currentPassword === '' ? t('me.currentPasswordMissing') : undefined,
      })
      return
    }
    const { mobile } = result.data
    start.mutate(
      { mobile, ...(currentPassword ? { currentPassword } : {}) },
      {
        onSuccess: (sent) => {
          setStep({ name: 'code', mobile, sent })
          focusNext.current = () => codeField.current
        },
        onError: (error) => {
          if (trpcFieldErrors(error).mobile) {
            fields.show({ mobile: t('me.mobileInvalid') })
            return
          }
          const wrong = serverFieldErrors(t, error, { currentPassword: FIELD_IDS.currentPassword })
          if (hasMessages(wrong)) {
            fields.show(wrong)
            return
          }
          const refusal = stepUpRefusal(t, error)
          if (refusal) refused(refusal)
          else setFailure(error)
        },
      },
    )
  }

  function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (confirm.isPending || step.name !== 'code') return
    reset()
    const code = formValues(event.currentTarget).code ?? ''
    const result = validate(ZConfirmMobileInput, {
      mobile: step.mobile,
      response: { challengeId: step.sent.challengeId, code },
    })
    if (!result.ok) {
      fields.show({ code: code.trim() ? t('stepUp.codeFormat') : t('stepUp.codeMissing') })
      return
    }
    confirm.mutate(result.data, {
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.me.get.queryKey(), updated)
        setStep({ name: 'closed' })
        status.announce(t('me.mobileVerified'))
        focusNext.current = () => openButton.current
      },
      onError: (error) => {
        const refusal = stepUpRefusal(t, error)
        if (!refusal) setFailure(error)
        else if (refusal.kind === 'code') fields.show({ code: refusal.message })
        else if (refusal.kind === 'expired')
          fields.show({ code: `${refusal.message} ${t('stepUp.askNewCode')}` })
        else if (refusal.kind === 'closed') startOver(refusal)
        else refused(refusal)
      },
    })
  }

  function confirmRemoval() {
    if (remove.isPending) return
    removeFields.clear()
    const field = document.getElementById(REMOVE_FIELD_IDS.currentPassword) as HTMLInputElement | null
    const currentPassword = field?.value ?? ''
    if (!currentPassword) {
      removeFields.show({ currentPassword: t('me.currentPasswordMissing') })
      return
    }
    remove.mutate(
      { currentPassword },
      {
        onSuccess: (updated) => {
          queryClient.setQueryData(trpc.me.get.queryKey(), updated)
          setRemoving(false)
          status.announce(t('me.mobileRemoved'), { focus: true })
        },
        onError: (error) => {
          const wrong = serverFieldErrors(t, error, REMOVE_FIELD_IDS)
          if (hasMessages(wrong)) removeFields.show(wrong)
        },
      },
    )
  }

  const shown = me.mobile ? formatMobile(me.mobile) : null

  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="mb-4 font-bold text-2xl">
        {t('me.mobileHeading')}
      </h2>
      <StatusMessage ref={status.ref} message={status.message} />
      <p className="mb-4 max-w-prose">{t('me.mobileIntro')}</p>
      <dl className="mb-6">
        <dt className="font-semibold">{t('me.mobileCurrent')}</dt>
        <dd>{shown ?? t('me.noMobile')}</dd>
      </dl>

      {step.name === 'closed' ? (
        <div className="flex flex-wrap gap-4">
          <Button ref={openButton} variant="secondary" onClick={open}>
            {me.mobile ? t('me.changeMobile') : t('me.addMobile')}
          </Button>
          {me.mobile ? (
            <Button
              variant="secondary"
              onClick={() => {
                remove.reset()
                removeFields.clear()
                status.clear()
                setRemoving(true)
              }}
            >
              {t('me.removeMobile')}
            </Button>
          ) : null}
        </div>
      ) : (
        <>
          {problem ? (
            <Alert tone="error">
              {problem.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </Alert>
          ) : null}
          <FormErrors
            errors={fields.summary}
            attempt={fields.attempt}
            failed={failure !== null}
            error={failure}
          />
          {step.name === 'number' ? (
            <form noValidate onSubmit={sendCode} className="max-w-xl space-y-6">
              <TextField
                ref={numberField}
                id={FIELD_IDS.mobile}
                name="mobile"
                type="tel"
                label={me.mobile ? t('me.newMobile') : t('me.mobile')}
                hint={t('me.mobileHint')}
                error={fields.errors.mobile}
                autoComplete="tel"
                className="max-w-xs"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
              {me.mobile ? (
                <TextField
                  id={FIELD_IDS.currentPassword}
                  name="currentPassword"
                  type="password"
                  label={t('me.currentPassword')}
                  hint={t('me.mobilePasswordHint')}
                  error={fields.errors.currentPassword}
                  autoComplete="current-password"
                  className="max-w-xs"
                />
              ) : null}
              <div className="flex flex-wrap gap-4">
                <Button type="submit" aria-disabled={start.isPending}>
                  {start.isPending ? t('me.sendingCode') : t('me.sendCode')}
                </Button>
                <Button variant="secondary" onClick={close}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          ) : (
            <form noValidate onSubmit={verify} className="max-w-xl space-y-6">
              <StepUpCodeField
                ref={codeField}
                id={FIELD_IDS.code}
                hint={t('stepUp.sentTo', { sentTo: step.sent.sentTo, count: minutesValid(step.sent) })}
                error={fields.errors.code}
              />
              <div className="flex flex-wrap gap-4">
                <Button type="submit" aria-disabled={confirm.isPending}>
                  {confirm.isPending ? t('me.verifying') : t('me.verify')}
                </Button>
                <Button variant="secondary" onClick={close}>
                  {t('common.cancel')}
                </Button>
              </div>
              <ResendCode
                sent={step.sent}
                onSent={(sent) => {
                  fields.clear()
                  setStep({ ...step, sent })
                  status.announce(t('stepUp.resent', { sentTo: sent.sentTo }))
                }}
                onRefused={(refusal) =>
                  refusal.kind === 'unavailable' ? refused(refusal) : startOver(refusal)
                }
              />
            </form>
          )}
        </>
      )}

      {removing && shown ? (
        // A form, so that Enter in the password field removes the number; focus starts in the field.
        <Dialog
          title={t('me.removeMobileTitle', { mobile: shown })}
          onClose={() => setRemoving(false)}
          returnFocus={status.returnFocus}
        >
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              confirmRemoval()
            }}
            className="space-y-6"
          >
            {remove.isError && !removeFields.errors.currentPassword ? (
              <Alert tone="error">
                <p>{t('me.removeMobileFailed')}</p>
              </Alert>
            ) : null}
            <p>{t('me.removeMobileText')}</p>
            <TextField
              id={REMOVE_FIELD_IDS.currentPassword}
              name="currentPassword"
              type="password"
              label={t('me.currentPassword')}
              hint={t('me.mobilePasswordHint')}
              error={removeFields.errors.currentPassword}
              autoComplete="current-password"
              data-autofocus
            />
            <div className="flex flex-wrap gap-4">
              <Button type="submit" variant="warning" aria-disabled={remove.isPending}>
                {remove.isPending ? t('me.removingMobile') : t('me.removeMobileConfirm')}
              </Button>
              <Button variant="secondary" onClick={() => setRemoving(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </section>
  )
}
