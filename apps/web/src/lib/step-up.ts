import type { TFunction } from 'i18next'
import { describeWait } from './describe-wait.ts'
import { trpcAppCode, trpcErrorDetails, trpcFieldErrors } from './trpc-error.ts'

/**
 * What a refused step-up means for the form asking for the code, said in the page's language:
 * - `code`: the code typed was wrong or malformed; the person tries again in the same field;
 * - `expired`: the code is too old; a new one can be sent for the same challenge ("Skicka ny kod");
 * - `closed`: the challenge can no longer be used (too many tries, replaced, used, gone, or the person's
 *   number changed since it was sent): start over;
 * - `wait`: too many codes asked for, too soon, or too many wrong codes; `waitSeconds` says how long;
 * - `unavailable`: codes by SMS cannot be sent to this person now.
 */
export interface StepUpRefusal {
  kind: 'code' | 'expired' | 'closed' | 'wait' | 'unavailable'
  message: string
  waitSeconds?: number
  /** What was to be signed has changed: a new code on the same page would fail again; fetch it anew. */
  contentChanged?: true
}

function positiveNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null
}

/**
 * The server's refusal of a step-up (its STEP_UP_* codes), or null when the error is something else: a
 * wrong password, a network error. A refused code field (`response.code`, `stepUp.code`) counts as `code`.
 */
export function stepUpRefusal(t: TFunction, error: unknown): StepUpRefusal | null {
  const details = trpcErrorDetails(error)
  const waitSeconds = positiveNumber(details.waitSeconds) ?? 60
  switch (trpcAppCode(error)) {
    case 'STEP_UP_WRONG_CODE': {
      const left = positiveNumber(details.attemptsLeft)
      return {
        kind: 'code',
        message: left ? t('stepUp.wrongCode', { count: left }) : t('stepUp.wrongCodeAgain'),
      }
    }
    case 'STEP_UP_EXPIRED':
      return { kind: 'expired', message: t('stepUp.expired') }
    case 'STEP_UP_TOO_MANY_TRIES':
      return { kind: 'closed', message: t('stepUp.tooManyTries') }
    case 'STEP_UP_REPLACED':
      return { kind: 'closed', message: t('stepUp.replaced') }
    case 'STEP_UP_USED':
      return { kind: 'closed', message: t('stepUp.used') }
    case 'STEP_UP_NOT_FOUND':
    case 'STEP_UP_WRONG_PERSON':
    case 'STEP_UP_WRONG_PURPOSE':
      return { kind: 'closed', message: t('stepUp.notFound') }
    case 'STEP_UP_CONTENT_CHANGED':
      return { kind: 'closed', message: t('stepUp.contentChanged'), contentChanged: true }
    case 'STEP_UP_RESEND_TOO_SOON':
      return {
        kind: 'wait',
        message: t('stepUp.resendTooSoon', { wait: describeWait(t, waitSeconds) }),
        waitSeconds,
      }
    case 'STEP_UP_THROTTLED':
      return {
        kind: 'wait',
        message: t('stepUp.throttled', { wait: describeWait(t, waitSeconds) }),
        waitSeconds,
      }
    case 'STEP_UP_GUESSES_THROTTLED':
      return {
        kind: 'wait',
        message: t('stepUp.guessesThrottled', { wait: describeWait(t, waitSeconds) }),
        waitSeconds,
      }
    case 'STEP_UP_NUMBER_CHANGED':
      return { kind: 'closed', message: t('stepUp.numberChanged') }
    case 'STEP_UP_SMS_OFF':
      return { kind: 'unavailable', message: t('stepUp.smsOff') }
    case 'STEP_UP_NO_MOBILE':
      return { kind: 'unavailable', message: t('stepUp.noMobile') }
    default: {
      const fields = trpcFieldErrors(error)
      return fields.response || fields.stepUp || fields.code
        ? { kind: 'code', message: t('stepUp.codeFormat') }
        : null
    }
  }
}
