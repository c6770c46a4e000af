import { ZConfirmMobileInput, ZStartMobileVerificationInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { minutesValid, ResendCode, type SentCode, StepUpCodeField } from '../../components/step-up-code.tsx'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, useFieldErrors, validate } from '../../lib/form.ts'
import { type StepUpRefusal, stepUpRefusal } from '../../lib/step-up.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'
import { mobileRefusal } from './signing-errors.ts'

const FIELD_IDS = { mobile: 'lank-mobil', code: 'lank-mobil-kod' } as const

type Step = { name: 'number' } | { name: 'code'; mobile: string; sent: SentCode }

/**
 * An attestant without a verified number adds one on the signing link before attesting, as "Mina uppgifter"
 * does: the number, then the code sent to it. The link proves the person; the code proves the number.
 */
export function SigningMobile({
  token,
  onVerified,
}: {
  token: string
  onVerified: (mobile: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const start = useMutation(trpc.signing.startMobileVerification.mutationOptions())
  const confirm = useMutation(trpc.signing.confirmMobile.mutationOptions())
  const resend = useMutation(trpc.signing.resend.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const [step, setStep] = useState<Step>({ name: 'number' })
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string[] | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const codeField = useRef<HTMLInputElement>(null)
  const numberField = useRef<HTMLInputElement>(null)
  const focusNext = useRef<(() => HTMLElement | null) | null>(null)
  useEffect(() => {
    const target = focusNext.current?.()
    if (target) {
      focusNext.current = null
      target.focus()
    }
  })

  function reset() {
    setNotice(null)
    fields.clear()
    setProblem(null)
    setFailure(null)
  }

  function startOver(refusal: StepUpRefusal) {
    fields.clear()
    setFailure(null)
    setProblem([refusal.message, t('me.mobileStartOver')])
    setStep({ name: 'number' })
    focusNext.current = () => numberField.current
  }

  function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (start.isPending) return
    reset()
    const result = validate(ZStartMobileVerificationInput, { mobile: typed })
    if (!result.ok) {
      fields.show({ mobile: typed.trim() ? t('me.mobileInvalid') : t('me.mobileMissing') })
      return
    }
    const { mobile } = result.data
    start.mutate(
      { token, mobile },
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
          const refused = mobileRefusal(t, error)
          if (refused) {
            setProblem([refused])
            return
          }
          const refusal = stepUpRefusal(t, error)
          if (refusal) setProblem([refusal.message])
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
    confirm.mutate(
      { token, ...result.data },
      {
        onSuccess: ({ mobile }) => onVerified(mobile),
        onError: (error) => {
          const refused = mobileRefusal(t, error)
          if (refused) {
            setProblem([refused])
            return
          }
          const refusal = stepUpRefusal(t, error)
          if (!refusal) setFailure(error)
          else if (refusal.kind === 'code') fields.show({ code: refusal.message })
          else if (refusal.kind === 'expired')
            fields.show({ code: `${refusal.message} ${t('stepUp.askNewCode')}` })
          else if (refusal.kind === 'closed') startOver(refusal)
          else setProblem([refusal.message])
        },
      },
    )
  }

  return (
    <section aria-labelledby="lank-mobil-rubrik" className="max-w-2xl space-y-4">
      <h2 id="lank-mobil-rubrik" className="font-bold text-2xl">
        {t('signing.mobileHeading')}
      </h2>
      <p className="max-w-prose">{t('signing.mobileIntro')}</p>
      {problem ? (
        <Alert tone="error">
          {problem.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Alert>
      ) : null}
      <div role="status">{notice ? <p className="font-semibold">{notice}</p> : null}</div>
      <FormErrors
        errors={fields.summary}
        attempt={fields.attempt}
        failed={failure !== null}
        error={failure}
      />
      {step.name === 'number' ? (
        <form noValidate onSubmit={sendCode} className="space-y-6">
          <TextField
            ref={numberField}
            id={FIELD_IDS.mobile}
            name="mobile"
            type="tel"
            label={t('me.mobile')}
            hint={t('me.mobileHint')}
            error={fields.errors.mobile}
            autoComplete="tel"
            className="max-w-xs"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <Button type="submit" aria-disabled={start.isPending}>
            {start.isPending ? t('me.sendingCode') : t('me.sendCode')}
          </Button>
        </form>
      ) : (
        <form noValidate onSubmit={verify} className="space-y-6">
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
            <Button
              variant="secondary"
              onClick={() => {
                reset()
                setStep({ name: 'number' })
                focusNext.current = () => numberField.current
              }}
            >
              {t('order.goBack')}
            </Button>
          </div>
          <ResendCode
            sent={step.sent}
            request={(challengeId) => resend.mutateAsync({ token, challengeId })}
            onSent={(sent) => {
              fields.clear()
              setStep({ ...step, sent })
              setNotice(t('stepUp.resent', { sentTo: sent.sentTo }))
            }}
            onRefused={(refusal) =>
              refusal.kind === 'unavailable' ? setProblem([refusal.message]) : startOver(refusal)
            }
          />
        </form>
      )}
    </section>
  )
}
