import { useMutation } from '@tanstack/react-query'
import { type Ref, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeWait } from '../lib/describe-wait.ts'
import { asDate, type Instant } from '../lib/format-date.ts'
import { type StepUpRefusal, stepUpRefusal } from '../lib/step-up.ts'
import { trpcClient } from '../lib/trpc.ts'
import { Button } from './ui/button.tsx'
import { TextField } from './ui/text-field.tsx'

/**
 * The code step of a step-up, wherever a code is asked for: the field for the code from the SMS and
 * "Skicka ny kod". The form around them says what the code is for and sends it.
 */

/** What the server answers when it has sent a code (`StepUpSent`; its times arrive as ISO strings). */
export interface SentCode {
  challengeId: string
  sentTo: string
  expiresAt: Instant
  resendAfter: Instant
}

/** Whole minutes the code is valid from now, as the hint says it ("Den gäller i 10 minuter"). */
export function minutesValid(sent: SentCode): number {
  return Math.max(1, Math.round((asDate(sent.expiresAt).getTime() - Date.now()) / 60_000))
}

/** Seconds left until `until` (epoch milliseconds), counting down each second; 0 once it has passed. */
function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= until) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

/** "Kod från sms": six digits, which phones offer to fill in from the message (`one-time-code`). */
export function StepUpCodeField({
  id,
  hint,
  error,
  ref,
}: {
  id: string
  hint: string
  error?: string | undefined
  ref?: Ref<HTMLInputElement>
}) {
  const { t } = useTranslation()
  return (
    <TextField
      ref={ref}
      id={id}
      name="code"
      label={t('stepUp.codeLabel')}
      hint={hint}
      error={error}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      className="max-w-40!"
    />
  )
}

/**
 * "Skicka ny kod": unavailable (aria-disabled, still focusable) until the server allows another code
 * (`resendAfter`), saying how long is left, and again when pressed too soon. A new code replaces the old one (`onSent`); a challenge that can no longer be used is the form's
 * to handle (`onRefused`); a wait the server asks for is said here.
 */
export function ResendCode({
  sent,
  onSent,
  onRefused,
  request,
}: {
  sent: SentCode
  onSent: (next: SentCode) => void
  onRefused: (refusal: StepUpRefusal) => void
  /** Asks for the new code; the signed-in person's `stepUp.resend` unless given (a mailed signing link). */
  request?: ((challengeId: string) => Promise<SentCode>) | undefined
}) {
  const { t } = useTranslation()
  const resend = useMutation({
    mutationFn: ({ challengeId }: { challengeId: string }) =>
      request ? request(challengeId) : trpcClient.stepUp.resend.mutate({ challengeId }),
  })
  const resendAfter = asDate(sent.resendAfter).getTime()
  const [notBefore, setNotBefore] = useState(resendAfter)
  useEffect(() => setNotBefore(resendAfter), [resendAfter])
  const wait = useSecondsUntil(notBefore)
  const [problem, setProblem] = useState<string | null>(null)
  const waitId = useId()

  function ask() {
    if (resend.isPending) return
    if (wait > 0) {
      // Pressed before the server allows another code: say how long is left rather than nothing.
      setProblem(t('stepUp.resendTooSoon', { wait: describeWait(t, wait) }))
      return
    }
    setProblem(null)
    resend.mutate(
      { challengeId: sent.challengeId },
      {
        onSuccess: (next) => {
          setProblem(null)
          onSent(next)
        },
        onError: (error) => {
          const refusal = stepUpRefusal(t, error)
          if (!refusal) setProblem(t('stepUp.resendFailed'))
          else if (refusal.kind === 'wait') {
            setProblem(refusal.message)
            // The server's clock decides: a wait it asks for starts now.
            if (refusal.waitSeconds) setNotBefore(Date.now() + refusal.waitSeconds * 1000)
          } else onRefused(refusal)
        },
      },
    )
  }

  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        aria-disabled={resend.isPending || wait > 0}
        aria-describedby={wait > 0 ? waitId : undefined}
        onClick={ask}
      >
        {resend.isPending ? t('stepUp.resending') : t('stepUp.resend')}
      </Button>
      {wait > 0 ? (
        <p id={waitId} className="text-ink-muted">
          {t('stepUp.resendWait', { wait: describeWait(t, wait) })}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="font-bold text-error">
          {problem}
        </p>
      ) : null}
    </div>
  )
}
