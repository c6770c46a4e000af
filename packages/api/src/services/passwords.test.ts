import { createOrgWithMembers, type Db, type Language, verifyPassword } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { createCaller } from '../root.ts'
import {
  callerFor,
  failureOf,
  TEST_AUTH_SETTINGS,
  TEST_SESSION_COOKIE,
  testContext,
} from '../testing/world.ts'
import { createPasswordLink, mailQueuedResetLinks, RESET_REQUESTED_MESSAGE } from './passwords.ts'
import { resolveActor } from './sessions.ts'
import { signIn } from './sign-in.ts'

const OLD = 'det gamla långa lösenordet'
const NEW = 'ett helt nytt långt lösenord'
const client = { clientAddress: '10.1.0.1', userAgent: 'test' }
let db: Db

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  await db.prisma.throttleEvent.deleteMany()
  await db.prisma.passwordResetRequest.deleteMany()
})

async function person(language?: Language) {
  const suffix = Math.random().toString(36).slice(2, 8)
  const { members } = await createOrgWithMembers(db.prisma, {
    members: [
      {
        name: 'Ida Idasson',
        email: `ida.${suffix}@bank.example`,
        password: OLD,
        roles: ['CASE_OFFICER'],
        ...(language ? { language } : {}),
      },
    ],
  })
  const user = members[0]?.user
  if (!user) throw new Error('no user')
  return user
}

const anonymous = () => callerFor(db, null)

const signInWithOld = (user: { username: string }) =>
  signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: OLD }, client)

async function actorOf(session: { token: string }) {
  const actor = await resolveActor(db, TEST_AUTH_SETTINGS, session.token)
  if (!actor) throw new Error('not signed in')
  return actor
}

async function linkMailedTo(email: string): Promise<string> {
  await mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS)
  const mail = await db.prisma.outboxMessage.findFirstOrThrow({
    where: { recipient: email, subject: 'Skapa nytt lösenord i Kundnav' },
    orderBy: { createdAt: 'desc' },
  })
  const link = mail.text.match(/http\S+/)?.[0]
  if (!link) throw new Error('no link in the mail')
  return new URL(link).searchParams.get('token') ?? ''
}

/** "Spara lösenordet" as the server answers a browser: the answer, and who the cookie it sets signs in. */
async function setPasswordInBrowser(token: string) {
  const resHeaders = new Headers()
  const answer = await createCaller(testContext(db, null, { resHeaders })).auth.setPassword({
    token,
    password: NEW,
  })
  const cookie = resHeaders.get('set-cookie') ?? ''
  const sessionToken = cookie.match(new RegExp(`^${TEST_SESSION_COOKIE}=([^;]+)`))?.[1]
  if (!sessionToken) throw new Error(`no session cookie set: ${cookie}`)
  return { answer, session: { actor: await resolveActor(db, TEST_AUTH_SETTINGS, sessionToken) } }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null).catch((e: unknown) => e)
  return error instanceof AppError ? error.appCode : error ? String(error) : 'OK'
}

const resetMailsTo = (email: string) =>
  db.prisma.outboxMessage.count({ where: { recipient: email, subject: 'Skapa nytt lösenord i Kundnav' } })

describe('Glömt/skapa nytt lösenord', () => {
  it('answers the same for an unknown address, and mails a link only to a real account', async () => {
    const user = await person()
    const known = await anonymous().auth.requestPasswordReset({ username: user.email.toUpperCase() })
    const unknown = await anonymous().auth.requestPasswordReset({ username: 'ingen@finns.example' })
    expect(known).toEqual({ message: RESET_REQUESTED_MESSAGE })
    expect(unknown).toEqual(known)
    // Both requests did the same work: one queued request each, no mail written while answering.
    expect(await db.prisma.passwordResetRequest.count()).toBe(2)
    expect(await resetMailsTo(user.email)).toBe(0)
    expect(await mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS)).toBe(2)
    expect(await db.prisma.passwordResetRequest.count()).toBe(0)
    expect(await db.prisma.outboxMessage.count({ where: { recipient: 'ingen@finns.example' } })).toBe(0)
    const token = await linkMailedTo(user.email)
    // Stored hashed: the mailed token itself is nowhere in the database.
    expect(await db.prisma.verificationToken.count({ where: { token } })).toBe(0)
    expect(await anonymous().auth.checkPasswordLink({ token })).toEqual({
      username: user.username,
      purpose: 'reset',
    })
  })

  it('sets the password, ends every session, clears throttling, mails "Ditt lösenord har ändrats" and uses the link up', async () => {
    const user = await person()
    const session = await signInWithOld(user)
    await db.prisma.throttleEvent.createMany({
      data: Array.from({ length: 10 }, () => ({ scope: 'login:account', key: user.id })),
    })
    await anonymous().auth.requestPasswordReset({ username: user.username })
    const token = await linkMailedTo(user.email)

    expect(await anonymous().auth.setPassword({ token, password: NEW })).toEqual({ username: user.username })

    const saved = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(saved.passwordHash ?? '', NEW)).toBe(true)
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, session.token)).toBeNull()
    expect(await db.prisma.throttleEvent.count({ where: { scope: 'login:account', key: user.id } })).toBe(0)
    const changed = await db.prisma.outboxMessage.findFirst({
      where: { recipient: user.email, subject: 'Ditt lösenord har ändrats' },
    })
    expect(changed).not.toBeNull()
    await expect(
      signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: NEW }, client),
    ).resolves.toBeTruthy()

    expect(await codeOf(anonymous().auth.setPassword({ token, password: 'ännu ett långt lösenord' }))).toBe(
      'LINK_INVALID',
    )
  })

  it('signs the person in at once: the answer sets the session cookie, the only pair is active, and the log says so', async () => {
    const user = await person()
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { userId: user.id } })
    await anonymous().auth.requestPasswordReset({ username: user.username })
    const token = await linkMailedTo(user.email)

    const { answer, session } = await setPasswordInBrowser(token)

    // The session token is only in the cookie, never in the answer.
    expect(answer).toEqual({ username: user.username })
    expect(session.actor).toMatchObject({
      userId: user.id,
      organizationId: membership.organizationId,
      role: 'CASE_OFFICER',
    })
    const signedIn = await db.prisma.auditEvent.findFirst({
      where: { action: 'login.succeeded', actorUserId: user.id, targetId: session.actor?.sessionId },
    })
    expect(signedIn).toMatchObject({ organizationId: membership.organizationId, actorRole: 'CASE_OFFICER' })
    const saved = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(saved.lastLoginAt).not.toBeNull()
  })

  it('signs a person with several roles in from an invitation with none chosen yet, as "Logga in" does', async () => {
    const suffix = Math.random().toString(36).slice(2, 8)
    const { members } = await createOrgWithMembers(db.prisma, {
      members: [{ name: 'Nils Ny', email: `nils.${suffix}@bank.example`, roles: ['ADMIN', 'ORDERER'] }],
    })
    const user = members[0]?.user
    if (!user) throw new Error('no user')
    const link = await createPasswordLink(db.prisma, TEST_AUTH_SETTINGS, user.id, 'invite')
    const token = new URL(link).searchParams.get('token') ?? ''

    const { answer, session } = await setPasswordInBrowser(token)

    expect(answer).toEqual({ username: user.username })
    // "Gå vidare som:" comes next.
    expect(session.actor).toMatchObject({ userId: user.id, organizationId: null, role: null })
    const actions = await db.prisma.auditEvent.findMany({
      where: { actorUserId: user.id },
      orderBy: { chainSeq: 'asc' },
      select: { action: true, organizationId: true },
    })
    expect(actions).toEqual([
      { action: 'password.set_from_invitation', organizationId: null },
      { action: 'login.succeeded', organizationId: null },
    ])
  })

  it('refuses an expired link with its own message and changes nothing', async () => {
    const user = await person()
    await anonymous().auth.requestPasswordReset({ username: user.username })
    const token = await linkMailedTo(user.email)
    await db.prisma.verificationToken.updateMany({
      where: { identifier: `reset:${user.id}` },
      data: { expires: new Date(Date.now() - 1000) },
    })
    const error = await failureOf(anonymous().auth.setPassword({ token, password: NEW }))
    expect(error.appCode).toBe('LINK_EXPIRED')
    expect(error.message).toMatch(/gått ut/)
    const saved = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(saved.passwordHash ?? '', OLD)).toBe(true)
  })

  it('refuses a bogus link, before judging the password', async () => {
    expect(await codeOf(anonymous().auth.checkPasswordLink({ token: 'x'.repeat(43) }))).toBe('LINK_INVALID')
    expect(
      await codeOf(anonymous().auth.setPassword({ token: 'x'.repeat(43), password: 'password1234' })),
    ).toBe('LINK_INVALID')
  })

  it('refuses a common password as a field error, leaving the link usable', async () => {
    const user = await person()
    await anonymous().auth.requestPasswordReset({ username: user.username })
    const token = await linkMailedTo(user.email)
    const error = await failureOf(anonymous().auth.setPassword({ token, password: 'Password1234' }))
    expect(error.appCode).toBe('PASSWORD_TOO_COMMON')
    expect(error.field).toBe('password')
    expect(await anonymous().auth.checkPasswordLink({ token })).toMatchObject({ purpose: 'reset' })
  })

  it('refuses too short and too long passwords before anything else, and never truncates', async () => {
    const user = await person()
    await anonymous().auth.requestPasswordReset({ username: user.username })
    const token = await linkMailedTo(user.email)
    await expect(anonymous().auth.setPassword({ token, password: 'kort' })).rejects.toThrow(/minst 12/)
    await expect(anonymous().auth.setPassword({ token, password: 'x'.repeat(129) })).rejects.toThrow(
      /högst 128/,
    )
    const long = `${'långt '.repeat(21)}!`.slice(0, 128)
    await anonymous().auth.setPassword({ token, password: long })
    const saved = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(saved.passwordHash ?? '', long)).toBe(true)
    expect(await verifyPassword(saved.passwordHash ?? '', long.slice(0, 72))).toBe(false)
  })

  it('stops mailing after the per-account limit, answering exactly as before, whichever identifier is typed', async () => {
    const user = await person()
    const limit = TEST_AUTH_SETTINGS.resetRequestsPerAccount
    const answers = []
    for (let index = 0; index < limit + 2; index++) {
      // The account is one counter whether the person types the username or the e-mail address.
      const username = index % 2 === 0 ? user.username : user.email.toUpperCase()
      answers.push(await anonymous().auth.requestPasswordReset({ username }))
    }
    await mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS)
    expect(new Set(answers.map((answer) => answer.message))).toEqual(new Set([RESET_REQUESTED_MESSAGE]))
    expect(await resetMailsTo(user.email)).toBe(limit)
  })

  it('sends at most the limit of mails for 100 parallel requests for one person', async () => {
    const user = await person()
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => anonymous().auth.requestPasswordReset({ username: user.username })),
    )
    await mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS)
    expect(answers.every((answer) => answer.message === RESET_REQUESTED_MESSAGE)).toBe(true)
    expect(await resetMailsTo(user.email)).toBe(TEST_AUTH_SETTINGS.resetRequestsPerAccount)
  })
})

describe('Mina uppgifter: byt lösenord', () => {
  it('needs the current password, then ends the other sessions but keeps this one', async () => {
    const user = await person()
    const here = await signInWithOld(user)
    const elsewhere = await signInWithOld(user)
    const actor = await actorOf(here)
    const me = callerFor(db, actor)

    const wrong = await failureOf(me.me.changePassword({ currentPassword: 'inte rätt', newPassword: NEW }))
    expect(wrong.appCode).toBe('WRONG_PASSWORD')
    expect(wrong.field).toBe('currentPassword')

    expect(await me.me.changePassword({ currentPassword: OLD, newPassword: NEW })).toEqual({
      status: 'CHANGED',
      endedSessions: 1,
    })
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, here.token)).not.toBeNull()
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, elsewhere.token)).toBeNull()
    expect(
      await db.prisma.outboxMessage.count({
        where: { recipient: user.email, subject: 'Ditt lösenord har ändrats' },
      }),
    ).toBe(1)
  })

  it('lets a person change their own name, but not set a mobile number without verifying it', async () => {
    const user = await person()
    const actor = await actorOf(await signInWithOld(user))
    const updated = await callerFor(db, actor).me.update({
      name: 'Ida Ny',
      ...{ mobile: '070-765 43 21' },
      language: 'sv',
    })
    expect(updated).toMatchObject({ name: 'Ida Ny', mobile: null, email: user.email })
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mobile: null })
  })

  it('verifies at most 10 of 100 parallel wrong current passwords, on a counter of its own', async () => {
    const user = await person()
    const actor = await actorOf(await signInWithOld(user))
    const me = callerFor(db, actor)
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        failureOf(me.me.changePassword({ currentPassword: `gissning ${index}`, newPassword: NEW })).then(
          (error) => error.appCode,
        ),
      ),
    )
    expect(outcomes.filter((code) => code === 'WRONG_PASSWORD').length).toBeLessThanOrEqual(
      TEST_AUTH_SETTINGS.loginFailuresPerAccount,
    )
    const throttled = await failureOf(me.me.changePassword({ currentPassword: OLD, newPassword: NEW }))
    expect(throttled.appCode).toBe('PASSWORD_CHANGE_THROTTLED')
    expect(throttled.field).toBe('currentPassword')
    // The guesses never lock the person out of signing in.
    await expect(
      signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: OLD }, client),
    ).resolves.toMatchObject({ userId: user.id })
  })
})

describe("mail in the person's language", () => {
  const subjectsTo = async (email: string) =>
    (await db.prisma.outboxMessage.findMany({ where: { recipient: email }, select: { subject: true } }))
      .map((mail) => mail.subject)
      .sort()

  it('writes the reset mail and "password changed" in English to a person who chose English, in Swedish by default', async () => {
    const swedish = await person()
    const english = await person('en')
    await anonymous().auth.requestPasswordReset({ username: swedish.username })
    await anonymous().auth.requestPasswordReset({ username: english.username })
    await mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS)
    expect(await subjectsTo(swedish.email)).toEqual(['Skapa nytt lösenord i Kundnav'])
    expect(await subjectsTo(english.email)).toEqual(['Create a new password in Kundnav'])

    const resetMail = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: english.email } })
    expect(resetMail.text).toContain(`Hello Ida Idasson,`)
    expect(resetMail.text).toContain(`for the username ${english.username}`)
    expect(resetMail.text).toContain('Kind regards')
    const token = new URL(resetMail.text.match(/http\S+/)?.[0] ?? '').searchParams.get('token') ?? ''
    await anonymous().auth.setPassword({ token, password: NEW })
    expect(await subjectsTo(english.email)).toEqual([
      'Create a new password in Kundnav',
      'Your password has been changed',
    ])
  })

  it('writes "password changed" from Mina uppgifter in the language chosen with the language switch', async () => {
    const user = await person()
    const me = callerFor(db, await actorOf(await signInWithOld(user)))
    expect(await me.me.setLanguage({ language: 'en' })).toEqual({ language: 'en' })
    await me.me.changePassword({ currentPassword: OLD, newPassword: NEW })
    const changed = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: user.email } })
    expect(changed.subject).toBe('Your password has been changed')
    expect(changed.text).toContain(
      `The password for the username ${user.username} in Kundnav has just been changed`,
    )
    expect(changed.text).toContain(`${TEST_AUTH_SETTINGS.publicUrl}/glomt-losenord`)
  })
})

describe('the worker mailing queued reset links', () => {
  it('takes each request once, even with two workers at it at the same time', async () => {
    const user = await person()
    for (let index = 0; index < 3; index++)
      await anonymous().auth.requestPasswordReset({ username: user.username })
    const handled = await Promise.all([
      mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS),
      mailQueuedResetLinks(db.prisma, TEST_AUTH_SETTINGS),
    ])
    expect(handled[0] + handled[1]).toBe(3)
    expect(await resetMailsTo(user.email)).toBe(3)
    // Each new link withdraws the one before: only the last mailed link works.
    expect(await db.prisma.verificationToken.count({ where: { identifier: `reset:${user.id}` } })).toBe(1)
  })
})
