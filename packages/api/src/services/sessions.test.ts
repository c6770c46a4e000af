import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaller } from '../root.ts'
import { callerFor, failureOf, TEST_AUTH_SETTINGS, testContext, testRequest } from '../testing/world.ts'
import { listPairs, resolveActor } from './sessions.ts'
import { signIn } from './sign-in.ts'

const PASSWORD = 'ett riktigt bra lösenord'
const client = { clientAddress: '10.2.0.1', userAgent: 'test' }
let db: Db

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

/** Anna: Administratör + Attestant in a region, Beställare in a municipality. */
async function anna() {
  const suffix = Math.random().toString(36).slice(2, 8)
  const region = await createOrgWithMembers(db.prisma, {
    name: `Region ${suffix}`,
    members: [
      {
        name: 'Anna',
        email: `anna.${suffix}@region.example`,
        password: PASSWORD,
        roles: ['ADMIN', 'ATTESTER'],
      },
    ],
  })
  const user = region.members[0]?.user
  if (!user) throw new Error('no user')
  const municipality = await createOrgWithMembers(db.prisma, { name: `Kommun ${suffix}` })
  await db.prisma.membership.create({
    data: { userId: user.id, organizationId: municipality.organization.id, roles: ['ORDERER'] },
  })
  const { token } = await signIn(
    db,
    TEST_AUTH_SETTINGS,
    { username: user.username, password: PASSWORD },
    client,
  )
  return { user, region: region.organization, municipality: municipality.organization, token }
}

async function actorOf(token: string) {
  const actor = await resolveActor(db, TEST_AUTH_SETTINGS, token)
  if (!actor) throw new Error('not signed in')
  return actor
}

describe('choosing and switching role', () => {
  it('offers every (organisation, role) pair and switches between them without logging out', async () => {
    const { token, region, municipality, user } = await anna()
    const caller = () => actorOf(token).then((actor) => callerFor(db, actor))
    const session = await (await caller()).session.get()
    expect(session?.active).toBeNull()
    expect(session?.pairs.map((p) => `${p.role}@${p.organizationName}`).sort()).toEqual(
      [`ADMIN@${region.name}`, `ATTESTER@${region.name}`, `ORDERER@${municipality.name}`].sort(),
    )

    await (await caller()).session.choose({ organizationId: region.id, role: 'ATTESTER' })
    expect(await actorOf(token)).toMatchObject({ organizationId: region.id, role: 'ATTESTER' })
    await (await caller()).session.choose({ organizationId: region.id, role: 'ADMIN' })
    await (await caller()).session.choose({ organizationId: municipality.id, role: 'ORDERER' })
    expect(await actorOf(token)).toMatchObject({ organizationId: municipality.id, role: 'ORDERER' })

    // The first choice is the region's sign-in, as Attestant; then "Bytte roll" says from which role to
    // which, naming no role of another organisation.
    const logOf = (organizationId: string) =>
      db.prisma.auditEvent.findMany({
        where: { organizationId, action: { in: ['login.succeeded', 'role.switched'] } },
        orderBy: { chainSeq: 'asc' },
      })
    expect((await logOf(region.id)).map((e) => [e.action, e.actorRole, e.data])).toEqual([
      ['login.succeeded', 'ATTESTER', { clientAddress: testRequest().clientAddress }],
      ['role.switched', 'ADMIN', { from: { role: 'ATTESTER' }, to: { role: 'ADMIN' } }],
    ])
    expect((await logOf(municipality.id)).map((e) => [e.action, e.actorRole, e.data])).toEqual([
      ['role.switched', 'ORDERER', { from: { otherOrganization: true }, to: { role: 'ORDERER' } }],
    ])
    // "Senast inloggad" is per organisation, written when the person chooses there.
    const memberships = await db.prisma.membership.findMany({ where: { userId: user.id } })
    for (const membership of memberships) expect(membership.lastSignedInAt).not.toBeNull()
  })

  it('logs a sign-in with a single pair in that organisation, and a failed one in each of the account’s', async () => {
    const { user, region, municipality } = await anna()
    await db.prisma.membership.deleteMany({ where: { userId: user.id, organizationId: municipality.id } })
    await db.prisma.membership.updateMany({ where: { userId: user.id }, data: { roles: ['ATTESTER'] } })
    await signIn(db, TEST_AUTH_SETTINGS, { username: user.username, password: PASSWORD }, client)
    const signIns = await db.prisma.auditEvent.findMany({
      where: { organizationId: region.id, action: 'login.succeeded' },
    })
    expect(signIns.map((e) => e.actorRole)).toEqual(['ATTESTER'])

    const other = await anna()
    await signIn(db, TEST_AUTH_SETTINGS, { username: other.user.username, password: 'fel' }, client).catch(
      () => null,
    )
    for (const organizationId of [other.region.id, other.municipality.id]) {
      const failed = await db.prisma.auditEvent.findMany({
        where: { organizationId, action: 'login.failed' },
      })
      expect(failed.map((e) => e.actorUserId)).toEqual([other.user.id])
    }
  })

  it('refuses a pair the person does not hold', async () => {
    const { token, municipality } = await anna()
    const caller = callerFor(db, await actorOf(token))
    await expect(
      caller.session.choose({ organizationId: municipality.id, role: 'ADMIN' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('remembers the choice on the device for 60 days in an HttpOnly cookie', async () => {
    const { token, region } = await anna()
    const resHeaders = new Headers()
    const caller = createCaller(testContext(db, await actorOf(token), { resHeaders }))
    await caller.session.choose({ organizationId: region.id, role: 'ADMIN' })
    const cookie = resHeaders.get('set-cookie') ?? ''
    expect(cookie).toContain(`kundnav.pair=${encodeURIComponent(`${region.id}:ADMIN`)}`)
    expect(cookie).toContain(`Max-Age=${60 * 24 * 3600}`)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')

    const next = createCaller(
      testContext(db, await actorOf(token), {
        request: testRequest({ cookies: { 'kundnav.pair': `${region.id}:ADMIN` } }),
      }),
    )
    expect((await next.session.get())?.remembered).toEqual({ organizationId: region.id, role: 'ADMIN' })
  })

  it('refuses a call from a tab still showing the old pair, with a clear message', async () => {
    const { token, region } = await anna()
    await callerFor(db, await actorOf(token)).session.choose({ organizationId: region.id, role: 'ATTESTER' })
    const staleTab = createCaller(
      testContext(db, await actorOf(token), {
        request: testRequest({ shownPair: `${region.id}:ADMIN` }),
      }),
    )
    const error = await failureOf(staleTab.member.list({}))
    expect(error.code).toBe('CONFLICT')
    expect(error.appCode).toBe('ROLE_CHANGED')
    expect(error.message).toMatch(/Du har bytt roll i en annan flik/)

    const currentTab = createCaller(
      testContext(db, await actorOf(token), {
        request: testRequest({ shownPair: `${region.id}:ATTESTER` }),
      }),
    )
    await expect(currentTab.session.list()).resolves.toHaveLength(1)
  })
})

describe('sessions that can be ended', () => {
  it('ends a session after the idle timeout and after its absolute lifetime', async () => {
    const idle = await anna()
    await db.prisma.session.updateMany({
      where: { userId: idle.user.id },
      data: { lastSeenAt: new Date(Date.now() - TEST_AUTH_SETTINGS.sessionIdleMs - 1000) },
    })
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, idle.token)).toBeNull()
    expect(await db.prisma.session.count({ where: { userId: idle.user.id } })).toBe(0)

    const old = await anna()
    await db.prisma.session.updateMany({
      where: { userId: old.user.id },
      data: { expires: new Date(Date.now() - 1) },
    })
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, old.token)).toBeNull()
  })

  it('drops the pair on the next request once the role is withdrawn', async () => {
    const { token, region, user } = await anna()
    await callerFor(db, await actorOf(token)).session.choose({ organizationId: region.id, role: 'ATTESTER' })
    await db.prisma.membership.updateMany({
      where: { userId: user.id, organizationId: region.id },
      data: { roles: ['ADMIN'] },
    })
    expect(await actorOf(token)).toMatchObject({ organizationId: null, role: null })
    await expect(callerFor(db, await actorOf(token)).member.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('lets a person list their sessions ("Mina inloggningar") and end another one, but not someone else’s', async () => {
    const first = await anna()
    const second = await signIn(
      db,
      TEST_AUTH_SETTINGS,
      { username: first.user.username, password: PASSWORD },
      { clientAddress: '10.2.0.9', userAgent: 'Safari' },
    )
    const me = callerFor(db, await actorOf(first.token))
    const sessions = await me.session.list()
    expect(sessions).toHaveLength(2)
    expect(sessions[0]?.current).toBe(true)
    const other = sessions.find((s) => !s.current)
    expect(other).toMatchObject({ userAgent: 'Safari', ipAddress: '10.2.0.9' })

    const stranger = await anna()
    await expect(
      callerFor(db, await actorOf(stranger.token)).session.end({ sessionId: other?.id ?? '' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await me.session.end({ sessionId: other?.id ?? '' })
    expect(await resolveActor(db, TEST_AUTH_SETTINGS, second.token)).toBeNull()
  })

  it('ends a role by itself at its end date, and only that role', async () => {
    const { token, region, user } = await anna()
    await callerFor(db, await actorOf(token)).session.choose({ organizationId: region.id, role: 'ATTESTER' })
    const membership = await db.prisma.membership.findFirstOrThrow({
      where: { userId: user.id, organizationId: region.id },
    })
    await db.prisma.membershipRoleEnd.create({
      data: { membershipId: membership.id, role: 'ATTESTER', endsAt: new Date(Date.now() - 1000) },
    })
    expect(await actorOf(token)).toMatchObject({ organizationId: null })
    const pairs = await listPairs(db.prisma, user.id)
    expect(pairs.filter((p) => p.organizationId === region.id).map((p) => p.role)).toEqual(['ADMIN'])
  })
})
