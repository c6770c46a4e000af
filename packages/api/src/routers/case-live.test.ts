/**
 * Live updates of cases (caseLive.events): what a subscriber is sent, and when the stream ends — checked
 * against the database as it is when each event arrives, on either engine. Across server instances over
 * PostgreSQL and HTTP: apps/server/src/case-live.test.ts.
 */
import { randomUUID } from 'node:crypto'
import {
  addMembership,
  createOrganization,
  createUser,
  type Db,
  nextNumber,
  type Organization,
  type Role,
} from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SessionActor } from '../context.ts'
import { createCaller } from '../root.ts'
import { type CaseEventBus, inProcessCaseEvents } from '../services/case-events.ts'
import { type CaseUpdate, caseUpdates, MAX_STREAMS_PER_PERSON } from '../services/case-live.ts'
import { asCaseActor } from '../services/cases.ts'
import { codeOf, TEST_AUTH_SETTINGS, testContext } from '../testing/world.ts'

let db: Db
let bus: CaseEventBus
let home: Organization
let other: Organization
let provider: Organization

beforeAll(async () => {
  db = await createTestDb()
  home = await createOrganization(db.prisma, { name: 'Hemma AB' })
  other = await createOrganization(db.prisma, { name: 'Annan AB' })
  provider = await createOrganization(db.prisma, { name: 'Leverantören', type: 'PROVIDER' })
})
afterAll(async () => {
  await db.close()
})
afterEach(async () => {
  // Ends every stream a test left open.
  await bus?.close()
})
const freshBus = () => {
  bus = inProcessCaseEvents()
  return bus
}

/** A new member of `org` in `role`, signed in with that pair active. */
async function person(org: Organization, role: Role): Promise<SessionActor> {
  const user = await createUser(db.prisma)
  await addMembership(db.prisma, { userId: user.id, organizationId: org.id, roles: [role] })
  const session = await db.prisma.session.create({
    data: {
      sessionToken: randomUUID(),
      userId: user.id,
      expires: new Date(Date.now() + 3_600_000),
      activeOrganizationId: org.id,
      activeRole: role,
    },
  })
  return {
    sessionId: session.id,
    userId: user.id,
    name: user.name,
    organizationId: org.id,
    organizationType: org.type,
    role,
  }
}

/** A case `reporter` reported in their organisation. */
async function caseOf(reporter: SessionActor): Promise<string> {
  const created = await db.prisma.$transaction(async (tx) =>
    tx.case.create({
      data: {
        number: await nextNumber(tx, '', 2026),
        organizationId: reporter.organizationId as string,
        reporterUserId: reporter.userId,
        createdByUserId: reporter.userId,
        area: 'LON',
        subject: 'Ett ärende',
        message: 'Hej',
        idempotencyKey: randomUUID(),
      },
    }),
  )
  return created.id
}

const caller = (actor: SessionActor) => createCaller(testContext(db, actor, { caseEvents: bus }))

/** Reads a stream one update at a time; "nothing" when none came within the wait. */
function reader(stream: AsyncIterable<CaseUpdate>) {
  const iterator = stream[Symbol.asyncIterator]()
  let pending: Promise<IteratorResult<CaseUpdate>> | null = null
  return async (waitMs = 1_000): Promise<CaseUpdate | 'ended' | 'nothing'> => {
    pending ??= iterator.next()
    const result = await Promise.race([
      pending,
      new Promise<'nothing'>((resolve) => setTimeout(() => resolve('nothing'), waitMs)),
    ])
    if (result === 'nothing') return result
    pending = null
    return result.done ? 'ended' : result.value
  }
}

async function subscribe(actor: SessionActor, input: { caseId?: string } = {}) {
  return reader((await caller(actor).caseLive.events(input)) as AsyncIterable<CaseUpdate>)
}

/** Publishes a change of a case, as the case services do after their transaction. */
const publish = (caseId: string, organizationId: string, kind: CaseUpdate['kind'] = 'status') =>
  bus.publish({ caseId, organizationId, kind })

describe('caseLive.events', () => {
  it("sends the watched case's updates (only its caseId and kind), and nothing of other cases", async () => {
    freshBus()
    const reporter = await person(home, 'ADMIN')
    const watched = await caseOf(reporter)
    const another = await caseOf(reporter)
    const next = await subscribe(reporter, { caseId: watched })
    const first = next()
    await publish(another, home.id, 'message')
    await publish(watched, home.id, 'message')
    expect(await first).toEqual({ caseId: watched, kind: 'message' })
    await publish(another, home.id)
    expect(await next(300)).toBe('nothing')
  })

  it("refuses another organisation's case up front (NOT_FOUND), as case.get does", async () => {
    freshBus()
    const reporter = await person(home, 'ADMIN')
    const homeCase = await caseOf(reporter)
    const outsider = await person(other, 'ADMIN')
    expect(await codeOf(caller(outsider).caseLive.events({ caseId: homeCase }))).toBe('NOT_FOUND')
    // A colleague who does not see the organisation's cases (visibility: reporter only) is refused too.
    const colleague = await person(home, 'ORDERER')
    expect(await codeOf(caller(colleague).caseLive.events({ caseId: homeCase }))).toBe('NOT_FOUND')
  })

  it("gives a subscriber of another organisation's lists none of home's events, but their own", async () => {
    freshBus()
    const reporter = await person(home, 'ADMIN')
    const homeCase = await caseOf(reporter)
    const outsider = await person(other, 'ADMIN')
    const ownCase = await caseOf(outsider)
    const next = await subscribe(outsider)
    const first = next()
    await publish(homeCase, home.id, 'created')
    // Even an event claiming the outsider's organisation is checked against the case itself.
    await publish(homeCase, other.id, 'status')
    await publish(ownCase, other.id, 'created')
    expect(await first).toEqual({ caseId: ownCase, kind: 'created' })
    await publish(homeCase, home.id, 'closed')
    expect(await next(300)).toBe('nothing')
  })

  it('reaches provider support for every case, through a real change made by support', async () => {
    freshBus()
    const reporter = await person(home, 'ADMIN')
    const homeCase = await caseOf(reporter)
    const support = await person(provider, 'PROVIDER_SUPPORT')
    const onList = await subscribe(support)
    const onPage = await subscribe(reporter, { caseId: homeCase })
    const [listed, paged] = [onList(), onPage()]
    await caller(support).supportCase.setStatus({ caseId: homeCase, version: 1, status: 'IN_PROGRESS' })
    expect(await listed).toEqual({ caseId: homeCase, kind: 'status' })
    expect(await paged).toEqual({ caseId: homeCase, kind: 'status' })
  })

  it('ends the stream, sending nothing more, once the subscriber is removed from the organisation', async () => {
    freshBus()
    const reporter = await person(home, 'ADMIN')
    const homeCase = await caseOf(reporter)
    const onPage = await subscribe(reporter, { caseId: homeCase })
    const onList = await subscribe(reporter)
    const [paged, listed] = [onPage(), onList()]
    await publish(homeCase, home.id)
    expect(await paged).toEqual({ caseId: homeCase, kind: 'status' })
    expect(await listed).toEqual({ caseId: homeCase, kind: 'status' })
    await db.prisma.membership.deleteMany({ where: { userId: reporter.userId, organizationId: home.id } })
    await publish(homeCase, home.id, 'closed')
    expect(await onPage()).toBe('ended')
    expect(await onList()).toBe('ended')
  })

  it("ends the watched case's stream when the case is out of reach (visibility narrowed)", async () => {
    freshBus()
    await db.prisma.organization.update({ where: { id: home.id }, data: { caseVisibility: 'MEMBERS' } })
    try {
      const reporter = await person(home, 'ADMIN')
      const homeCase = await caseOf(reporter)
      const colleague = await person(home, 'ORDERER')
      const next = await subscribe(colleague, { caseId: homeCase })
      const first = next()
      await publish(homeCase, home.id, 'message')
      expect(await first).toEqual({ caseId: homeCase, kind: 'message' })
      await db.prisma.organization.update({
        where: { id: home.id },
        data: { caseVisibility: 'REPORTER_ONLY' },
      })
      await publish(homeCase, home.id, 'message')
      expect(await next()).toBe('ended')
    } finally {
      await db.prisma.organization.update({
        where: { id: home.id },
        data: { caseVisibility: 'REPORTER_ONLY' },
      })
    }
  })

  it('ends the stream when the session ends, or another pair is chosen in it', async () => {
    freshBus()
    const reporter = await person(home, 'ADMIN')
    const homeCase = await caseOf(reporter)
    const next = await subscribe(reporter, { caseId: homeCase })
    // A stream listens from its first read on (over HTTP: at once).
    const ending = next()
    await db.prisma.session.delete({ where: { id: reporter.sessionId } })
    await publish(homeCase, home.id)
    expect(await ending).toBe('ended')

    const switcher = await person(home, 'ADMIN')
    await addMembership(db.prisma, { userId: switcher.userId, organizationId: other.id, roles: ['ADMIN'] })
    const onList = await subscribe(switcher)
    const switched = onList()
    await db.prisma.session.update({
      where: { id: switcher.sessionId },
      data: { activeOrganizationId: other.id },
    })
    await publish(homeCase, home.id)
    expect(await switched).toBe('ended')
  })
})

describe('caseUpdates', () => {
  it('checks access again without events, every recheckMs, and ends when the session has', async () => {
    const events = freshBus()
    const reporter = asCaseActor(await person(home, 'ADMIN'))
    const next = reader(
      caseUpdates({
        db,
        settings: TEST_AUTH_SETTINGS,
        events,
        actor: reporter,
        caseId: null,
        signal: undefined,
        recheckMs: 50,
      }),
    )
    expect(await next(200)).toBe('nothing')
    // Idle longer than the settings allow: the session is over even though no request has deleted it.
    await db.prisma.session.update({
      where: { id: reporter.sessionId },
      data: { lastSeenAt: new Date(Date.now() - TEST_AUTH_SETTINGS.sessionIdleMs - 1_000) },
    })
    expect(await next()).toBe('ended')
  })

  it('refuses a person more than MAX_STREAMS_PER_PERSON open streams, and takes one again once one ends', async () => {
    const events = freshBus()
    const reporter = asCaseActor(await person(home, 'ADMIN'))
    const tabs = Array.from({ length: MAX_STREAMS_PER_PERSON }, () => new AbortController())
    const streams = tabs.map((tab) =>
      reader(
        caseUpdates({
          db,
          settings: TEST_AUTH_SETTINGS,
          events,
          actor: reporter,
          caseId: null,
          signal: tab.signal,
        }),
      ),
    )
    // Each is open once it has taken its first step (waiting for events).
    for (const next of streams) expect(await next(20)).toBe('nothing')
    expect(await codeOf(subscribe(reporter).then((next) => next()))).toBe('TOO_MANY_REQUESTS')
    // Someone else is not counted with them.
    const colleague = await subscribe(await person(home, 'ADMIN'))
    expect(await colleague(20)).toBe('nothing')
    // One tab closes: a new stream is taken.
    tabs[0]?.abort()
    expect(await streams[0]?.()).toBe('ended')
    const again = await subscribe(reporter)
    expect(await again(20)).toBe('nothing')
  })

  it('ends when its signal aborts (the browser went away) or the bus closes (shutdown), and stops listening', async () => {
    const events = freshBus()
    let listeners = 0
    const counted: CaseEventBus = {
      ...events,
      subscribe(listener, closed) {
        listeners += 1
        const stop = events.subscribe(listener, closed)
        return () => {
          listeners -= 1
          stop()
        }
      },
    }
    const reporter = asCaseActor(await person(home, 'ADMIN'))
    const abort = new AbortController()
    const options = { db, settings: TEST_AUTH_SETTINGS, events: counted, actor: reporter, caseId: null }
    const aborted = reader(caseUpdates({ ...options, signal: abort.signal }))
    const closed = reader(caseUpdates({ ...options, signal: undefined }))
    expect(await aborted(50)).toBe('nothing')
    expect(await closed(50)).toBe('nothing')
    expect(listeners).toBe(2)
    abort.abort()
    expect(await aborted()).toBe('ended')
    expect(listeners).toBe(1)
    await events.close()
    expect(await closed()).toBe('ended')
    expect(listeners).toBe(0)
  })
})
