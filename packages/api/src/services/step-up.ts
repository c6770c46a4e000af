/**
 * Step-up: before an act that needs more than a session (changing the password, attesting an order) the
 * person proves it is them again. A challenge is bound to the person, the purpose, the thing acted on and
 * the SHA-256 of the canonical form (RFC 8785) of exactly what they were shown. Completing it rightly, once,
 * in the same transaction as the act, leaves a `Signature`: who, when, how, and that hash.
 *
 * The method is pluggable (`StepUpMethodImpl`): an SMS code now; BankID joins through the same interface.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import {
  canonicalJson,
  contentHash,
  type Db,
  enqueueSms,
  type Language,
  type Prisma,
  type PrismaClient,
  type Signature,
  uuidV7,
} from '@kundnav/db'
import type { StepUpMethod, StepUpResponse, StepUpSent } from '@kundnav/schemas'
import { AppError } from '../errors.ts'
import { type StepUpDescription, stepUpCodeSms } from '../mail/templates.ts'
import type { AuthSettings } from '../settings.ts'
import { describeWait, releaseAttempt, reserveAttempt } from './throttle.ts'

type Tx = Prisma.TransactionClient | PrismaClient

export type StepUpPurpose = StepUpDescription['purpose']

/** A code is valid this long after it was sent. */
export const STEP_UP_CODE_TTL_MS = 10 * 60_000
/** Answers one challenge takes; the fifth wrong one kills it. */
export const STEP_UP_MAX_ATTEMPTS = 5
/** The least time between two codes for one challenge. */
export const STEP_UP_RESEND_INTERVAL_MS = 30_000

/** What a step-up is about. `content` is exactly what the person is shown, hashed into the signature. */
export interface StepUpSubject {
  userId: string
  purpose: StepUpPurpose
  subjectId: string
  content: unknown
}

/** A way of proving who one is, given a challenge: it issues the secret and checks the answer. */
export interface StepUpMethodImpl {
  method: StepUpMethod
  /** Makes a fresh secret for the challenge, delivers it (through the outbox, in `tx`) and returns its hash. */
  issue(
    tx: Tx,
    challenge: { id: string; recipient: string; description: StepUpDescription; language: Language },
  ): Promise<{ secretHash: string }>
  /** Whether `answer` proves the challenge's secret. */
  verify(challenge: { id: string; secretHash: string }, answer: string): boolean
  /** The recipient as the page may show it ("070-*** ** 67"). */
  mask(recipient: string): string
}

/**
 * Six digits by SMS, stored as an HMAC keyed by the challenge id: no row holds a code, though a leaked row
 * could be tried against all million codes; it is valid ten minutes and used once.
 */
export const smsCodeMethod: StepUpMethodImpl = {
  method: 'SMS',
  async issue(tx, challenge) {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0')
    await enqueueSms(tx, {
      to: challenge.recipient,
      text: stepUpCodeSms(challenge.language, {
        code,
        description: challenge.description,
        validMinutes: STEP_UP_CODE_TTL_MS / 60_000,
      }),
    })
    return { secretHash: codeHash(challenge.id, code) }
  },
  verify(challenge, answer) {
    const expected = Buffer.from(challenge.secretHash, 'hex')
    const given = Buffer.from(codeHash(challenge.id, answer), 'hex')
    return expected.length === given.length && timingSafeEqual(expected, given)
  },
  mask: maskMobile,
}

function codeHash(challengeId: string, code: string): string {
  return createHmac('sha256', challengeId).update(code).digest('hex')
}

/** "+46701234567" → "070-*** ** 67"; other countries keep their code and the last two digits. */
export function maskMobile(e164: string): string {
  if (e164.startsWith('+46') && e164.length === 12) return `0${e164.slice(3, 5)}-*** ** ${e164.slice(-2)}`
  return `${e164.slice(0, 3)} ${'*'.repeat(Math.max(e164.length - 5, 1))}${e164.slice(-2)}`
}

/** The methods this person can step up with now: SMS when it is switched on and their number verified. */
export function stepUpMethodsFor(
  settings: AuthSettings,
  user: { mobile: string | null; mobileVerifiedAt: Date | null },
): StepUpMethod[] {
  return settings.smsStepUp && user.mobile && user.mobileVerifiedAt ? ['SMS'] : []
}

/**
 * Starts a step-up and sends its code: to the person's verified mobile number, or to `recipient` when the
 * step-up is the verification of a new number. An earlier open challenge for the same thing dies. Codes
 * sent to a person are throttled across purposes.
 */
export async function startStepUp(
  db: Db,
  settings: AuthSettings,
  subject: StepUpSubject & { description: StepUpDescription; recipient?: string },
): Promise<StepUpSent> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: subject.userId } })
  const recipient =
    subject.recipient ?? (stepUpMethodsFor(settings, user).includes('SMS') ? user.mobile : null)
  if (!settings.smsStepUp) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'STEP_UP_SMS_OFF',
      'Koder med SMS används inte i den här portalen.',
    )
  }
  if (!recipient) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'STEP_UP_NO_MOBILE',
      'Du behöver ett verifierat mobilnummer för att få en kod. Lägg till det under Mina uppgifter.',
    )
  }
  await throttleSms(db, settings, subject.userId, recipient)
  const method = smsCodeMethod
  return db.prisma.$transaction(async (tx) => {
    // Starts for one thing wait for each other here, so a new code always replaces the one before.
    const lock = `step-up|${subject.userId}|${subject.purpose}|${subject.subjectId}`
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))`
    await tx.stepUpChallenge.updateMany({
      where: {
        userId: subject.userId,
        purpose: subject.purpose,
        subjectId: subject.subjectId,
        status: 'PENDING',
      },
      data: { status: 'DEAD' },
    })
    const id = uuidV7(Date.now())
    const { secretHash } = await method.issue(tx, {
      id,
      recipient,
      description: subject.description,
      language: user.language,
    })
    const now = new Date()
    const challenge = await tx.stepUpChallenge.create({
      data: {
        id,
        userId: subject.userId,
        purpose: subject.purpose,
        subjectId: subject.subjectId,
        contentHash: contentHash(subject.content),
        method: method.method,
        recipient,
        description: subject.description,
        secretHash,
        expiresAt: new Date(now.getTime() + STEP_UP_CODE_TTL_MS),
        lastSentAt: now,
      },
    })
    return sentAnswer(challenge)
  })
}

/** "Skicka ny kod": a new code replaces the old one and is valid 10 minutes; at most one per 30 seconds. */
export async function resendStepUp(
  db: Db,
  settings: AuthSettings,
  { userId, challengeId }: { userId: string; challengeId: string },
): Promise<StepUpSent> {
  const challenge = await db.prisma.stepUpChallenge.findUnique({ where: { id: challengeId } })
  if (!challenge || challenge.userId !== userId) throw notFound()
  refuseIfClosed(challenge)
  const waitMs = challenge.lastSentAt.getTime() + STEP_UP_RESEND_INTERVAL_MS - Date.now()
  if (waitMs > 0) {
    const waitSeconds = Math.ceil(waitMs / 1000)
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'STEP_UP_RESEND_TOO_SOON',
      `Vänta ${describeWait(waitSeconds)} innan du ber om en ny kod.`,
      { details: { waitSeconds } },
    )
  }
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })
  refuseIfNumberChanged(challenge, user)
  await throttleSms(db, settings, userId, challenge.recipient)
  return db.prisma.$transaction(async (tx) => {
    const { secretHash } = await smsCodeMethod.issue(tx, {
      id: challenge.id,
      recipient: challenge.recipient,
      description: challenge.description as StepUpDescription,
      language: user.language,
    })
    const now = new Date()
    // Only the challenge as it was read: a parallel resend or completion makes this one change nothing.
    const replaced = await tx.stepUpChallenge.updateMany({
      where: { id: challenge.id, status: 'PENDING', lastSentAt: challenge.lastSentAt },
      data: {
        secretHash,
        expiresAt: new Date(now.getTime() + STEP_UP_CODE_TTL_MS),
        lastSentAt: now,
        sendCount: { increment: 1 },
      },
    })
    if (replaced.count === 0) {
      throw new AppError('CONFLICT', 'STEP_UP_RESEND_TOO_SOON', 'En ny kod har just skickats. Använd den.')
    }
    return sentAnswer(await tx.stepUpChallenge.findUniqueOrThrow({ where: { id: challenge.id } }))
  })
}

/**
 * Completes a step-up and, in the same transaction, does the act it was for: `act` gets the transaction and
 * the new signature. Refused, each with its own message: an unknown challenge, another person's, another
 * purpose or thing, one already used, replaced or dead after five wrong answers, an expired code, content
 * changed since the challenge started, and a wrong code (which counts). Of parallel right answers exactly one
 * completes.
 */
export async function completeStepUp<T>(
  db: Db,
  settings: AuthSettings,
  subject: StepUpSubject,
  response: StepUpResponse,
  act: (tx: Prisma.TransactionClient, signature: Signature) => Promise<T>,
): Promise<T> {
  const challenge = await db.prisma.stepUpChallenge.findUnique({ where: { id: response.challengeId } })
  if (!challenge) throw notFound()
  if (challenge.userId !== subject.userId) {
    throw new AppError('FORBIDDEN', 'STEP_UP_WRONG_PERSON', 'Koden skickades till någon annan än dig.')
  }
  if (challenge.purpose !== subject.purpose || challenge.subjectId !== subject.subjectId) {
    throw new AppError(
      'BAD_REQUEST',
      'STEP_UP_WRONG_PURPOSE',
      'Koden gäller något annat än det du försöker göra. Be om en ny kod.',
    )
  }
  refuseIfClosed(challenge)
  refuseIfNumberChanged(
    challenge,
    await db.prisma.user.findUniqueOrThrow({ where: { id: challenge.userId } }),
  )
  if (challenge.expiresAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'STEP_UP_EXPIRED', 'Koden har gått ut. Be om en ny kod.', {
      field: 'code',
    })
  }
  const hash = contentHash(subject.content)
  if (hash !== challenge.contentHash) {
    throw new AppError(
      'CONFLICT',
      'STEP_UP_CONTENT_CHANGED',
      'Det du skulle signera har ändrats sedan koden skickades. Läs igenom det igen och be om en ny kod.',
    )
  }
  // Wrong codes are counted per person too, across challenges: a new challenge brings no new guesses.
  const guess = await reserveAttempt(
    db.prisma,
    [{ scope: 'step-up-wrong:account', key: challenge.userId, limit: settings.stepUpWrongCodesPerAccount }],
    settings.throttleWindowMs,
  )
  if (guess.waitSeconds > 0) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'STEP_UP_GUESSES_THROTTLED',
      `Du har angett fel kod för många gånger. Vänta ${describeWait(guess.waitSeconds)} och försök igen.`,
      { field: 'code', details: { waitSeconds: guess.waitSeconds } },
    )
  }
  const right = smsCodeMethod.verify(challenge, response.code)
  // A right code was no guess: its count is taken back, whatever happens next.
  if (right) await releaseAttempt(db.prisma, guess)
  // The try is counted before the code is checked, so parallel guesses share the same five tries.
  const [counted] = await db.prisma.$queryRaw<{ attempts: number }[]>`
    UPDATE "StepUpChallenge" SET "attempts" = "attempts" + 1
     WHERE "id" = ${challenge.id}::uuid AND "status" = 'PENDING' AND "attempts" < ${STEP_UP_MAX_ATTEMPTS}
    RETURNING "attempts"`
  if (!counted) throw await closedNow(db.prisma, challenge.id)
  if (!right) {
    const left = STEP_UP_MAX_ATTEMPTS - counted.attempts
    if (left === 0) {
      await db.prisma.stepUpChallenge.updateMany({
        where: { id: challenge.id, status: 'PENDING' },
        data: { status: 'DEAD' },
      })
      throw tooManyTries()
    }
    throw new AppError(
      'BAD_REQUEST',
      'STEP_UP_WRONG_CODE',
      `Koden stämmer inte. Du har ${left} försök kvar.`,
      { field: 'code', details: { attemptsLeft: left } },
    )
  }
  return db.prisma.$transaction(async (tx) => {
    // Taken only as it was read: a completion, a resend or a kill in between makes this one change nothing.
    const taken = await tx.stepUpChallenge.updateMany({
      where: { id: challenge.id, status: 'PENDING', secretHash: challenge.secretHash },
      data: { status: 'COMPLETED', completedAt: new Date() },
    })
    if (taken.count === 0) throw await closedNow(tx, challenge.id)
    const signature = await tx.signature.create({
      data: {
        challengeId: challenge.id,
        userId: challenge.userId,
        purpose: challenge.purpose,
        subjectId: challenge.subjectId,
        method: challenge.method,
        contentHash: hash,
        content: JSON.parse(canonicalJson(subject.content)) as Prisma.InputJsonValue,
        methodReference: challenge.recipient,
      },
    })
    return act(tx, signature)
  })
}

function sentAnswer(challenge: {
  id: string
  method: StepUpMethod
  recipient: string
  expiresAt: Date
  lastSentAt: Date
}): StepUpSent {
  return {
    challengeId: challenge.id,
    method: challenge.method,
    sentTo: smsCodeMethod.mask(challenge.recipient),
    expiresAt: challenge.expiresAt,
    resendAfter: new Date(challenge.lastSentAt.getTime() + STEP_UP_RESEND_INTERVAL_MS),
  }
}

/** Codes sent to one person, and to one number (whoever asks for them), within the window. */
async function throttleSms(db: Db, settings: AuthSettings, userId: string, recipient: string): Promise<void> {
  const { waitSeconds } = await reserveAttempt(
    db.prisma,
    [
      { scope: 'step-up-sms:account', key: userId, limit: settings.stepUpSmsPerAccount },
      { scope: 'step-up-sms:recipient', key: recipient, limit: settings.stepUpSmsPerAccount },
    ],
    settings.throttleWindowMs,
  )
  if (waitSeconds > 0) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'STEP_UP_THROTTLED',
      `Du har bett om många koder på kort tid. Vänta ${describeWait(waitSeconds)} och försök igen.`,
      { details: { waitSeconds } },
    )
  }
}

/**
 * A signing code is good only while it goes to the person's verified number: once the number is removed or
 * replaced, codes sent to the old one no longer sign (verifying a new number is the exception).
 */
function refuseIfNumberChanged(
  challenge: { purpose: string; recipient: string },
  user: { mobile: string | null; mobileVerifiedAt: Date | null },
): void {
  if (challenge.purpose === 'mobile.verify') return
  if (!user.mobileVerifiedAt || user.mobile !== challenge.recipient) {
    throw new AppError(
      'CONFLICT',
      'STEP_UP_NUMBER_CHANGED',
      'Ditt mobilnummer har ändrats sedan koden skickades. Börja om för att få en kod till det nya numret.',
    )
  }
}

function refuseIfClosed(challenge: { status: string; attempts: number }): void {
  if (challenge.status === 'COMPLETED') {
    throw new AppError('CONFLICT', 'STEP_UP_USED', 'Koden har redan använts. Be om en ny kod.')
  }
  if (challenge.status === 'DEAD') {
    throw challenge.attempts >= STEP_UP_MAX_ATTEMPTS
      ? tooManyTries()
      : new AppError('CONFLICT', 'STEP_UP_REPLACED', 'En nyare kod har skickats. Använd den senaste koden.')
  }
}

/** Why a challenge that looked open a moment ago can no longer be taken. */
async function closedNow(db: Tx, id: string): Promise<AppError> {
  const now = await db.stepUpChallenge.findUniqueOrThrow({ where: { id } })
  try {
    refuseIfClosed(now)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  return now.attempts >= STEP_UP_MAX_ATTEMPTS
    ? tooManyTries()
    : new AppError('CONFLICT', 'STEP_UP_REPLACED', 'En nyare kod har skickats. Använd den senaste koden.')
}

function tooManyTries(): AppError {
  return new AppError(
    'TOO_MANY_REQUESTS',
    'STEP_UP_TOO_MANY_TRIES',
    'Fel kod för många gånger. Koden gäller inte längre; börja om för att få en ny.',
  )
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'STEP_UP_NOT_FOUND', 'Koden finns inte. Be om en ny kod.')
}
