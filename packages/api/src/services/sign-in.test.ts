import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failureOf, TEST_AUTH_SETTINGS } from '../testing/world.ts'
import { resolveActor } from './sessions.ts'
import { signIn } from './sign-in.ts'

const PASSWORD = 'ett riktigt bra lösenord'
const client = { clientAddress: '10.0.0.1', userAgent: 'Firefox' }
let db: Db

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

async function person(roles: ('ADMIN' | 'ORDERER' | 'ATTESTER')[] = ['ORDERER'], extraOrgs = 0) {
  const suffix = Math.random().toString(36).slice(2, 8)
  const { organization, members } = await createOrgWithMembers(db.prisma, {
    name: `Region ${suffix}`,
    members: [{ email: `Person.${suffix}@Region.example`, password: PASSWORD, roles }],
  })
  const user = members[0]?.user
  if (!user) throw new Error('no user')
  for (let index = 0; index < extraOrgs; index++) {
    const other = await createOrgWithMembers(db.prisma, { name: `Kommun ${suffix} ${index}` })
    await db.prisma.membership.create({
      data: { userId: user.id, organizationId: other.organization.id, roles: ['ORDERER'] },
    })
  }
  return { user, organization }
}

describe('sign-in', () => {
  it('accepts the username or the e-mail address in any letter case and starts a session with the single pair', async () => {
    const { user, organization } = await person(['ORDERER'])
    const { token } = await signIn(
      db,
      TEST_AUTH_SETTINGS,
      { username: user.email.toUpperCase(), password: PASSWORD },
      client,
    )
    const actor = await resolveActor(db, TEST_AUTH_SETTINGS, token)
    expect(actor).toMatchObject({ userId: user.id, organizationId: organization.id, role: 'ORDERER' })
    const stored = await db.prisma.session.findFirstOrThrow({ where: { userId: user.id } })
    expect(stored.sessionToken).not.toBe(token)
    expect(stored).toMatchObject({ userAgent: 'Firefox', ipAddress: '10.0.0.1' })
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull()
  })

  it('leaves the pair unchosen when a person has several', async () => {
    const { user } = await person(['ADMIN', 'ATTESTER'])
    const { token } = await signIn(
      db,
      TEST_AUTH_SETTINGS,
      { username: user.username, password: PASSWORD },
      client,
    )
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, token)).toMatchObject({
      organizationId: null,
      role: null,
    })
  })

  it('refuses a wrong password or unknown account with the same message, and audits the failure', async () => {
    const { user } = await person()
    const wrong = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: 'fel' }, client),
    )
    const unknown = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: 'ingen@alls.example', password: 'fel' }, client),
    )
    expect(wrong.appCode).toBe('INVALID_CREDENTIALS')
    expect(unknown.message).toBe(wrong.message)
    const audited = await db.prisma.auditEvent.findFirst({
      where: { action: 'login.failed', targetId: user.id },
    })
    expect(audited).not.toBeNull()
  })

  it('throttles an account after 10 failures in the window, saying how long to wait, even for the right password', async () => {
    const { user } = await person()
    const attempt = (password: string) =>
      signIn(
        db,
        TEST_AUTH_SETTINGS,
        { username: user.username, password },
        { ...client, clientAddress: '10.0.0.2' },
      )
    for (let index = 0; index < 10; index++) {
      expect((await failureOf(attempt('fel lösenord'))).appCode).toBe('INVALID_CREDENTIALS')
    }
    const throttled = await failureOf(attempt(PASSWORD))
    expect(throttled.appCode).toBe('LOGIN_THROTTLED')
    expect(throttled.code).toBe('TOO_MANY_REQUESTS')
    expect(throttled.message).toMatch(/Vänta 30 sekunder/)
    expect(throttled.details).toEqual({ waitSeconds: 30 })

    // Another account from the same office address is not affected.
    const colleague = await person()
    await expect(
      signIn(
        db,
        TEST_AUTH_SETTINGS,
        { username: colleague.user.username, password: PASSWORD },
        { ...client, clientAddress: '10.0.0.2' },
      ),
    ).resolves.toMatchObject({ userId: colleague.user.id })
  })

  it('waits longer after each further failure', async () => {
    const { user } = await person()
    const events = Array.from({ length: 12 }, () => ({ scope: 'login:account', key: user.id }))
    await db.prisma.throttleEvent.createMany({ data: events })
    const throttled = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: PASSWORD }, client),
    )
    expect(throttled.details).toEqual({ waitSeconds: 120 })
    expect(throttled.message).toMatch(/Vänta 2 minuter/)
  })

  it('throttles a client address much more loosely, across accounts', async () => {
    const settings = { ...TEST_AUTH_SETTINGS, loginFailuresPerAddress: 3 }
    const address = { ...client, clientAddress: '10.9.9.9' }
    for (const name of ['a', 'b', 'c']) {
      await failureOf(signIn(db, settings, { username: `${name}@okand.example`, password: 'x' }, address))
    }
    const { user } = await person()
    const throttled = await failureOf(
      signIn(db, settings, { username: user.username, password: PASSWORD }, address),
    )
    expect(throttled.appCode).toBe('LOGIN_THROTTLED')
  })

  it('refuses an account that has no password yet', async () => {
    const { organization } = await person()
    const invited = await db.prisma.user.create({
      data: { name: 'Inbjuden', email: 'inbjuden@region.example', username: 'inbjuden@region.example' },
    })
    await db.prisma.membership.create({
      data: { userId: invited.id, organizationId: organization.id, roles: ['ORDERER'] },
    })
    const error = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: invited.username, password: '' }, client),
    )
    expect(error.appCode).toBe('INVALID_INPUT')
    const again = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: invited.username, password: 'vad som helst' }, client),
    )
    expect(again.appCode).toBe('INVALID_CREDENTIALS')
  })

  it('verifies at most 10 of 100 parallel wrong passwords for one account, and then refuses even the right one', async () => {
    const { user } = await person()
    const address = { ...client, clientAddress: '10.0.7.7' }
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        failureOf(
          signIn(
            db,
            TEST_AUTH_SETTINGS,
            {
              username: index % 2 ? user.username : user.email,
              password: `fel ${index}`,
            },
            address,
          ),
        ).then(
          (error) => error.appCode,
          () => 'SIGNED_IN',
        ),
      ),
    )
    const verified = outcomes.filter((code) => code !== 'LOGIN_THROTTLED')
    expect(verified.length).toBeLessThanOrEqual(TEST_AUTH_SETTINGS.loginFailuresPerAccount)
    expect(await db.prisma.auditEvent.count({ where: { action: 'login.failed', targetId: user.id } })).toBe(
      verified.filter((code) => code === 'INVALID_CREDENTIALS').length,
    )
    const afterwards = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: PASSWORD }, address),
    )
    expect(afterwards.appCode).toBe('LOGIN_THROTTLED')
  })

  it('refuses control characters in the credentials with a clear answer, not a database error', async () => {
    const error = await failureOf(
      signIn(db, TEST_AUTH_SETTINGS, { username: 'anna\u0000@norrby.example', password: 'x' }, client),
    )
    expect(error.appCode).toBe('INVALID_INPUT')
    expect(error.code).toBe('BAD_REQUEST')
  })
})
