import { contentHash, createUser, type Db, type Language } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import type { AuthSettings } from '../settings.ts'
import { failureOf, TEST_AUTH_SETTINGS } from '../testing/world.ts'
import {
  completeStepUp,
  maskMobile,
  resendStepUp,
  STEP_UP_MAX_ATTEMPTS,
  type StepUpSubject,
  startStepUp,
  stepUpMethodsFor,
} from './step-up.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  await db.prisma.throttleEvent.deleteMany()
})

let numbers = 0
async function personWithMobile(language: Language = 'sv') {
  numbers++
  const mobile = `+4670${String(2_000_000 + numbers).padStart(7, '0')}`
  return createUser(db.prisma, { mobile, language })
}

/** The attestation of an order, as a chain would start it: what the attestant is shown is the content. */
function attestation(
  userId: string,
  content: unknown = { order: 'B-2026-000123', total: 1200 },
): StepUpSubject {
  return { userId, purpose: 'order.attest', subjectId: 'step-1', content }
}

async function start(subject: StepUpSubject, settings: AuthSettings = TEST_AUTH_SETTINGS) {
  return startStepUp(db, settings, {
    ...subject,
    description: { purpose: 'order.attest', orderNumber: 'B-2026-000123' },
  })
}

/** The newest SMS to a number, and the code in it. */
async function lastSms(to: string) {
  const sms = await db.prisma.outboxMessage.findFirstOrThrow({
    where: { channel: 'SMS', recipient: to },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  const code = sms.text.match(/\b(\d{6})\b/)?.[1]
  if (!code) throw new Error(`no code in "${sms.text}"`)
  return { text: sms.text, code }
}

const noAct = async () => 'done'

describe('a step-up by SMS code', () => {
  it('sends a code naming what is signed, never a link, in the person’s language', async () => {
    const sv = await personWithMobile('sv')
    const sent = await start(attestation(sv.id))
    const { text } = await lastSms(sv.mobile as string)
    expect(text).toMatch(/^Kod \d{6} för att attestera beställning B-2026-000123 i Kundnav\./)
    expect(text).not.toMatch(/https?:|www\.|\.se\b|\//)
    expect(sent).toMatchObject({ method: 'SMS', sentTo: maskMobile(sv.mobile as string) })
    expect(sent.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000)

    const en = await personWithMobile('en')
    await start(attestation(en.id))
    expect((await lastSms(en.mobile as string)).text).toMatch(
      /^Code \d{6} to attest order B-2026-000123 in Kundnav\./,
    )
  })

  it('keeps the code only hashed', async () => {
    const user = await personWithMobile()
    const { challengeId } = await start(attestation(user.id))
    const { code } = await lastSms(user.mobile as string)
    const row = await db.prisma.stepUpChallenge.findUniqueOrThrow({ where: { id: challengeId } })
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(code)
  })

  it('yields, once, a signature with who, how, where the code went and the hash of what was shown', async () => {
    const user = await personWithMobile()
    const subject = attestation(user.id)
    const { challengeId } = await start(subject)
    const { code } = await lastSms(user.mobile as string)
    const signature = await completeStepUp(
      db,
      TEST_AUTH_SETTINGS,
      subject,
      { challengeId, code },
      async (_tx, signed) => signed,
    )
    expect(signature).toMatchObject({
      challengeId,
      userId: user.id,
      purpose: 'order.attest',
      subjectId: 'step-1',
      method: 'SMS',
      methodReference: user.mobile,
      contentHash: contentHash(subject.content),
    })
    expect(await db.prisma.signature.count({ where: { challengeId } })).toBe(1)
  })

  it('changes nothing when the act fails: the challenge stays open and no signature is left', async () => {
    const user = await personWithMobile()
    const subject = attestation(user.id)
    const { challengeId } = await start(subject)
    const { code } = await lastSms(user.mobile as string)
    const failing = completeStepUp(db, TEST_AUTH_SETTINGS, subject, { challengeId, code }, async () => {
      throw new AppError('CONFLICT', 'ACT_FAILED', 'Det gick inte.')
    })
    expect((await failureOf(failing)).appCode).toBe('ACT_FAILED')
    expect(await db.prisma.signature.count({ where: { challengeId } })).toBe(0)
    expect(await completeStepUp(db, TEST_AUTH_SETTINGS, subject, { challengeId, code }, noAct)).toBe('done')
  })

  type Refusal = {
    name: string
    code: string
    /** Starts a challenge, spoils it as the case says, and gives the answer that must be refused. */
    attempt: () => Promise<unknown>
    /** Signatures the case makes on its way to the refused answer. */
    signedBefore?: number
  }
  const refusals: Refusal[] = [
    {
      name: 'an expired code',
      code: 'STEP_UP_EXPIRED',
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        await db.prisma.stepUpChallenge.update({
          where: { id: challengeId },
          data: { expiresAt: new Date(Date.now() - 1) },
        })
        return completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, noAct)
      },
    },
    {
      name: 'a challenge already used',
      code: 'STEP_UP_USED',
      signedBefore: 1,
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        await completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, noAct)
        return completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, noAct)
      },
    },
    {
      name: 'the right code after five wrong ones',
      code: 'STEP_UP_TOO_MANY_TRIES',
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        const wrong = code === '000000' ? '000001' : '000000'
        for (let left = STEP_UP_MAX_ATTEMPTS - 1; left >= 0; left--) {
          const failure = await failureOf(
            completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code: wrong }, noAct),
          )
          expect(failure.appCode).toBe(left > 0 ? 'STEP_UP_WRONG_CODE' : 'STEP_UP_TOO_MANY_TRIES')
          if (left > 0) expect(failure.message).toContain(`${left} försök kvar`)
        }
        return completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, noAct)
      },
    },
    {
      name: 'another person’s challenge',
      code: 'STEP_UP_WRONG_PERSON',
      attempt: async () => {
        const user = await personWithMobile()
        const other = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        return completeStepUp(db, TEST_AUTH_SETTINGS, attestation(other.id), { challengeId, code }, noAct)
      },
    },
    {
      name: 'a code started for another purpose',
      code: 'STEP_UP_WRONG_PURPOSE',
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        const subject = { ...attestation(user.id), purpose: 'password.change' as const }
        return completeStepUp(db, TEST_AUTH_SETTINGS, subject, { challengeId, code }, noAct)
      },
    },
    {
      name: 'a code started for another thing of the same purpose',
      code: 'STEP_UP_WRONG_PURPOSE',
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        const subject = { ...attestation(user.id), subjectId: 'step-2' }
        return completeStepUp(db, TEST_AUTH_SETTINGS, subject, { challengeId, code }, noAct)
      },
    },
    {
      name: 'content changed between start and completion',
      code: 'STEP_UP_CONTENT_CHANGED',
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id, { order: 'B-2026-000123', total: 1200 }))
        const { code } = await lastSms(user.mobile as string)
        const changed = attestation(user.id, { order: 'B-2026-000123', total: 1300 })
        return completeStepUp(db, TEST_AUTH_SETTINGS, changed, { challengeId, code }, noAct)
      },
    },
    {
      name: 'a code replaced by a newer challenge for the same thing',
      code: 'STEP_UP_REPLACED',
      attempt: async () => {
        const user = await personWithMobile()
        const { challengeId } = await start(attestation(user.id))
        const { code } = await lastSms(user.mobile as string)
        await start(attestation(user.id))
        return completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, noAct)
      },
    },
    {
      name: 'an unknown challenge',
      code: 'STEP_UP_NOT_FOUND',
      attempt: async () => {
        const user = await personWithMobile()
        return completeStepUp(
          db,
          TEST_AUTH_SETTINGS,
          attestation(user.id),
          { challengeId: '01900000-0000-7000-8000-000000000000', code: '123456' },
          noAct,
        )
      },
    },
  ]

  const messages = new Map<string, string>()
  it.each(refusals)(
    'refuses $name ($code), leaving no signature',
    async ({ code, attempt, signedBefore }) => {
      const signaturesBefore = await db.prisma.signature.count()
      const failure = await failureOf(attempt())
      expect(failure.appCode).toBe(code)
      messages.set(code, failure.message)
      expect(await db.prisma.signature.count()).toBe(signaturesBefore + (signedBefore ?? 0))
    },
  )

  it('gives each refusal its own message', () => {
    expect(messages.size).toBe(new Set(refusals.map((r) => r.code)).size)
    expect(new Set(messages.values()).size).toBe(messages.size)
  })

  it('lets exactly one of 20 parallel right answers complete', async () => {
    const user = await personWithMobile()
    const { challengeId } = await start(attestation(user.id))
    const { code } = await lastSms(user.mobile as string)
    let acts = 0
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, async () => {
          acts++
        }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(AppError)
    }
    expect(acts).toBe(1)
    expect(await db.prisma.signature.count({ where: { challengeId } })).toBe(1)
  })

  it('counts parallel wrong guesses against the same five tries', async () => {
    const user = await personWithMobile()
    const { challengeId } = await start(attestation(user.id))
    const { code } = await lastSms(user.mobile as string)
    const guesses = Array.from({ length: 30 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    )
    await Promise.allSettled(
      guesses.map((guess) =>
        completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code: guess }, noAct),
      ),
    )
    const row = await db.prisma.stepUpChallenge.findUniqueOrThrow({ where: { id: challengeId } })
    expect(row).toMatchObject({ attempts: STEP_UP_MAX_ATTEMPTS, status: 'DEAD' })
    const late = await failureOf(
      completeStepUp(db, TEST_AUTH_SETTINGS, attestation(user.id), { challengeId, code }, noAct),
    )
    expect(late.appCode).toBe('STEP_UP_TOO_MANY_TRIES')
  })
})

describe('guessing', () => {
  it('counts wrong codes per person across challenges: a new challenge brings no new guesses', async () => {
    const user = await personWithMobile()
    const settings = { ...TEST_AUTH_SETTINGS, stepUpWrongCodesPerAccount: 7 }
    let refusals: string[] = []
    for (let round = 0; round < 3; round++) {
      const { challengeId } = await start(attestation(user.id))
      const { code } = await lastSms(user.mobile as string)
      const wrong = code === '000000' ? '000001' : '000000'
      for (let i = 0; i < 3; i++) {
        const failure = await failureOf(
          completeStepUp(db, settings, attestation(user.id), { challengeId, code: wrong }, noAct),
        )
        refusals = [...refusals, failure.appCode]
      }
    }
    expect(refusals.filter((code) => code === 'STEP_UP_WRONG_CODE')).toHaveLength(7)
    expect(refusals.slice(7)).toEqual(['STEP_UP_GUESSES_THROTTLED', 'STEP_UP_GUESSES_THROTTLED'])
  })

  it('does not count a right code as a guess', async () => {
    const user = await personWithMobile()
    const settings = { ...TEST_AUTH_SETTINGS, stepUpWrongCodesPerAccount: 1 }
    for (let round = 0; round < 3; round++) {
      const { challengeId } = await start(attestation(user.id))
      const { code } = await lastSms(user.mobile as string)
      expect(await completeStepUp(db, settings, attestation(user.id), { challengeId, code }, noAct)).toBe(
        'done',
      )
    }
  })
})

describe('"Skicka ny kod"', () => {
  it('waits 30 seconds, then sends a new code that replaces the old one', async () => {
    const user = await personWithMobile()
    const { challengeId } = await start(attestation(user.id))
    const first = await lastSms(user.mobile as string)
    const tooSoon = await failureOf(resendStepUp(db, TEST_AUTH_SETTINGS, { userId: user.id, challengeId }))
    expect(tooSoon.appCode).toBe('STEP_UP_RESEND_TOO_SOON')

    await db.prisma.stepUpChallenge.update({
      where: { id: challengeId },
      data: { lastSentAt: new Date(Date.now() - 31_000) },
    })
    const again = await resendStepUp(db, TEST_AUTH_SETTINGS, { userId: user.id, challengeId })
    expect(again.challengeId).toBe(challengeId)
    const second = await lastSms(user.mobile as string)
    if (second.code !== first.code) {
      const old = await failureOf(
        completeStepUp(
          db,
          TEST_AUTH_SETTINGS,
          attestation(user.id),
          { challengeId, code: first.code },
          noAct,
        ),
      )
      expect(old.appCode).toBe('STEP_UP_WRONG_CODE')
    }
    expect(
      await completeStepUp(
        db,
        TEST_AUTH_SETTINGS,
        attestation(user.id),
        { challengeId, code: second.code },
        noAct,
      ),
    ).toBe('done')
  })

  it('is only for the person’s own open challenge', async () => {
    const user = await personWithMobile()
    const other = await personWithMobile()
    const { challengeId } = await start(attestation(user.id))
    expect(
      (await failureOf(resendStepUp(db, TEST_AUTH_SETTINGS, { userId: other.id, challengeId }))).appCode,
    ).toBe('STEP_UP_NOT_FOUND')
  })

  it('sends at most the configured number of codes to one person in the window', async () => {
    const user = await personWithMobile()
    const settings = { ...TEST_AUTH_SETTINGS, stepUpSmsPerAccount: 3 }
    for (let i = 0; i < 3; i++) await start(attestation(user.id), settings)
    const sms = await db.prisma.outboxMessage.count({ where: { recipient: user.mobile as string } })
    const throttled = await failureOf(start(attestation(user.id), settings))
    expect(throttled.appCode).toBe('STEP_UP_THROTTLED')
    expect(await db.prisma.outboxMessage.count({ where: { recipient: user.mobile as string } })).toBe(sms)
  })
})

describe('who can step up by SMS', () => {
  it('needs a verified mobile number', async () => {
    const user = await createUser(db.prisma, {})
    expect(stepUpMethodsFor(TEST_AUTH_SETTINGS, user)).toEqual([])
    expect((await failureOf(start(attestation(user.id)))).appCode).toBe('STEP_UP_NO_MOBILE')
  })

  it('is offered to nobody when SMS is switched off', async () => {
    const user = await personWithMobile()
    const off = { ...TEST_AUTH_SETTINGS, smsStepUp: false }
    expect(stepUpMethodsFor(TEST_AUTH_SETTINGS, user)).toEqual(['SMS'])
    expect(stepUpMethodsFor(off, user)).toEqual([])
    expect((await failureOf(start(attestation(user.id), off))).appCode).toBe('STEP_UP_SMS_OFF')
  })

  it('masks the number the page shows', () => {
    expect(maskMobile('+46701234567')).toBe('070-*** ** 67')
    expect(maskMobile('+447700900123')).toBe('+44 ********23')
  })
})
