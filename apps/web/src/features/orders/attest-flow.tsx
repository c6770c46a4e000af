import { ZStepUpResponse } from '@kundnav/schemas'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { minutesValid, ResendCode, type SentCode, StepUpCodeField } from '../../components/step-up-code.tsx'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { formValues, validate } from '../../lib/form.ts'
import { type StepUpRefusal, stepUpRefusal } from '../../lib/step-up.ts'
import { actionProblem, type OrderProblem, OrderProblemAlert } from './order-problem.tsx'

const IDS = { method: 'attest-metod', code: 'attest-kod' } as const

type Step = { name: 'closed' } | { name: 'method' } | { name: 'code'; sent: SentCode }

/**
 * "Godkänn och attestera" (seed 004 steps 5–6): choose the way to attest ("Engångslösenord via SMS"),
 * "OK" sends a code bound to what the page shows, and the code attests. The page decides what happens
 * with it (`onStart`, `onAttest`, `onResend`): the order page as the signed-in person, the signing link
 * as the link's person.
 */
export function AttestFlow({
  number,
  methods,
  onStart,
  onAttest,
  onResend,
  onReload,
  extraActions,
}: {
  number: string
  methods: readonly string[]
  onStart: () => Promise<SentCode>
  onAttest: (response: { challengeId: string; code: string }) => Promise<unknown>
  onResend?: ((challengeId: string) => Promise<SentCode>) | undefined
  onReload: () => void
  /** Shown next to "Godkänn och attestera" while closed ("Avbryt beställningen"). */
  extraActions?: ReactNode
}) {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>({ name: 'closed' })
  const [method, setMethod] = useState<string | null>(methods.length === 1 ? (methods[0] ?? null) : null)
  const [fieldError, setFieldError] = useState<{ field: 'method' | 'code'; message: string } | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<OrderProblem | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [resent, setResent] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const headingId = useId()
  const openButton = useRef<HTMLButtonElement>(null)
  const methodHeading = useRef<HTMLHeadingElement>(null)
  const codeField = useRef<HTMLInputElement>(null)
  const focusNext = useRef<(() => HTMLElement | null) | null>(null)
  useEffect(() => {
    const target = focusNext.current?.()
    if (target) {
      focusNext.current = null
      target.focus()
    }
  })

  function showField(field: 'method' | 'code', message: string) {
    setFieldError({ field, message })
    setAttempt((count) => count + 1)
  }

  function reset() {
    setFieldError(null)
    setProblem(null)
    setResent(null)
  }

  function open() {
    reset()
    setNotice(null)
    setStep({ name: 'method' })
    focusNext.current = () => methodHeading.current
  }

  function close() {
    reset()
    setNotice(null)
    setStep({ name: 'closed' })
    focusNext.current = () => openButton.current
  }

  /** The code can no longer be used: back to the choice of method, saying why. */
  function startOver(refusal: StepUpRefusal) {
    reset()
    setNotice(`${refusal.message} ${t('order.attestStartOver')}`)
    setStep({ name: 'method' })
    focusNext.current = () => methodHeading.current
  }

  /** The order changed under the page: only a fresh look helps, so "Ladda om sidan" comes at once. */
  function contentChanged(refusal: StepUpRefusal) {
    setProblem({ message: `${refusal.message} ${t('order.contentChangedReload')}`, reload: true })
  }

  function refused(error: unknown) {
    const refusal = stepUpRefusal(t, error)
    if (!refusal) setProblem(actionProblem(t, error))
    else if (refusal.contentChanged) contentChanged(refusal)
    else if (refusal.kind === 'code') showField('code', refusal.message)
    else if (refusal.kind === 'expired') showField('code', `${refusal.message} ${t('stepUp.askNewCode')}`)
    else if (refusal.kind === 'closed' && step.name === 'code') startOver(refusal)
    else setProblem({ message: refusal.message, reload: refusal.kind === 'unavailable' })
  }

  async function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    reset()
    if (!method) {
      showField('method', t('order.methodRequired'))
      return
    }
    setBusy(true)
    try {
      const sent = await onStart()
      setNotice(null)
      setStep({ name: 'code', sent })
      focusNext.current = () => codeField.current
    } catch (error) {
      refused(error)
    } finally {
      setBusy(false)
    }
  }

  async function attest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy || step.name !== 'code') return
    reset()
    const code = formValues(event.currentTarget).code ?? ''
    const result = validate(ZStepUpResponse, { challengeId: step.sent.challengeId, code })
    if (!result.ok) {
      showField('code', code.trim() ? t('stepUp.codeFormat') : t('stepUp.codeMissing'))
      return
    }
    setBusy(true)
    try {
      await onAttest(result.data)
    } catch (error) {
      setBusy(false)
      refused(error)
      return
    }
    setBusy(false)
  }

  const summary = fieldError
    ? [{ fieldId: fieldError.field === 'method' ? IDS.method : IDS.code, message: fieldError.message }]
    : []

  if (step.name === 'closed') {
    return (
      <div className="flex flex-wrap gap-4">
        <Button ref={openButton} onClick={open}>
          {t('order.attest')}
        </Button>
        {extraActions}
      </div>
    )
  }

  return (
    <section aria-labelledby={headingId} className="max-w-2xl space-y-6 border-2 border-line p-4">
      <h3 id={headingId} ref={methodHeading} tabIndex={-1} className="font-bold text-xl">
        {t('order.attestHeading')}
      </h3>
      <p>{t('order.attestIntro')}</p>
      {notice ? (
        <Alert tone="notice">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <div role="status">{resent ? <p className="font-semibold">{resent}</p> : null}</div>
      {summary.length > 0 ? <ErrorSummary key={attempt} errors={summary} /> : null}
      {problem ? <OrderProblemAlert problem={problem} onReload={onReload} /> : null}
      {step.name === 'method' ? (
        <form noValidate onSubmit={(event) => void sendCode(event)} className="space-y-6">
          <RadioGroup
            id={IDS.method}
            name="method"
            legend={t('order.methodLegend')}
            error={fieldError?.field === 'method' ? fieldError.message : undefined}
            value={method}
            onChange={setMethod}
            options={methods.map((one) => ({
              value: one,
              label: one === 'SMS' ? t('order.methods.SMS') : t('order.methods.other'),
            }))}
          />
          <div className="flex flex-wrap gap-4">
            <Button type="submit" aria-disabled={busy}>
              {busy ? t('order.sendingCode') : t('order.ok')}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t('order.goBack')}
            </Button>
          </div>
        </form>
      ) : (
        <form noValidate onSubmit={(event) => void attest(event)} className="space-y-6">
          <StepUpCodeField
            ref={codeField}
            id={IDS.code}
            hint={`${t('order.codeFor', { number })} ${t('stepUp.sentTo', {
              sentTo: step.sent.sentTo,
              count: minutesValid(step.sent),
            })}`}
            error={fieldError?.field === 'code' ? fieldError.message : undefined}
          />
          <div className="flex flex-wrap gap-4">
            <Button type="submit" aria-disabled={busy}>
              {busy ? t('order.attesting') : t('order.attestSubmit')}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t('order.goBack')}
            </Button>
          </div>
          <ResendCode
            sent={step.sent}
            request={onResend}
            onSent={(sent) => {
              setFieldError(null)
              setNotice(null)
              setStep({ name: 'code', sent })
              setResent(t('stepUp.resent', { sentTo: sent.sentTo }))
            }}
            onRefused={(refusal) =>
              refusal.contentChanged
                ? contentChanged(refusal)
                : refusal.kind === 'unavailable'
                  ? setProblem({ message: refusal.message, reload: true })
                  : startOver(refusal)
            }
          />
        </form>
      )}
    </section>
  )
}
