import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { stepUpRefusal } from './step-up.ts'

/** A `t` that shows the key and its values, so the tests see which text was chosen with what. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction

/** A refusal as tRPC's client hands it over. */
function refused(data: Record<string, unknown>): Error {
  return Object.assign(new Error('Svenskt meddelande'), { name: 'TRPCClientError', data })
}

describe('stepUpRefusal', () => {
  it('says how many tries are left after a wrong code', () => {
    expect(
      stepUpRefusal(t, refused({ appCode: 'STEP_UP_WRONG_CODE', details: { attemptsLeft: 4 } })),
    ).toEqual({ kind: 'code', message: 'stepUp.wrongCode {"count":4}' })
  })

  it('sends the person back to start when the code can no longer be used', () => {
    for (const appCode of [
      'STEP_UP_TOO_MANY_TRIES',
      'STEP_UP_REPLACED',
      'STEP_UP_USED',
      'STEP_UP_NOT_FOUND',
    ]) {
      expect(stepUpRefusal(t, refused({ appCode }))?.kind, appCode).toBe('closed')
    }
    expect(stepUpRefusal(t, refused({ appCode: 'STEP_UP_EXPIRED' }))?.kind).toBe('expired')
  })

  it('words the wait the server asks for', () => {
    expect(
      stepUpRefusal(t, refused({ appCode: 'STEP_UP_RESEND_TOO_SOON', details: { waitSeconds: 12 } })),
    ).toEqual({
      kind: 'wait',
      message: 'stepUp.resendTooSoon {"wait":"auth.waitSeconds {\\"count\\":12}"}',
      waitSeconds: 12,
    })
  })

  it('words too many wrong codes as a wait, and a changed number as a code to start over', () => {
    expect(
      stepUpRefusal(
        t,
        refused({
          appCode: 'STEP_UP_GUESSES_THROTTLED',
          details: { waitSeconds: 30 },
          fieldErrors: { code: ['x'] },
        }),
      ),
    ).toEqual({
      kind: 'wait',
      message: 'stepUp.guessesThrottled {"wait":"auth.waitSeconds {\\"count\\":30}"}',
      waitSeconds: 30,
    })
    expect(stepUpRefusal(t, refused({ appCode: 'STEP_UP_NUMBER_CHANGED' }))).toEqual({
      kind: 'closed',
      message: 'stepUp.numberChanged',
    })
  })

  it('takes a refused code field as a code to type again, and leaves other errors alone', () => {
    expect(stepUpRefusal(t, refused({ fieldErrors: { response: ['Ogiltig'] } }))?.kind).toBe('code')
    expect(
      stepUpRefusal(t, refused({ appCode: 'WRONG_PASSWORD', fieldErrors: { currentPassword: ['x'] } })),
    ).toBe(null)
    expect(stepUpRefusal(t, new Error('offline'))).toBe(null)
  })
})
