/**
 * Live updates over HTTP: tRPC subscriptions as server-sent events through the Hono app, the session
 * cookie as the credential. On PostgreSQL, two server instances on one database, each with its own
 * LISTEN/NOTIFY bus: a change made through one reaches a subscriber of the other, and a subscriber
 * removed from the organisation receives nothing more and their stream ends.
 */
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import {
  type CaseEventBus,
  inProcessCaseEvents,
  type PostgresCaseEventBus,
  postgresCaseEvents,
} from '@kundnav/api'
import {
  createDb,
  createOrgWithMembers,
  type Db,
  nextNumber,
  type OrgWithMembers,
  type Role,
} from '@kundnav/db'
import { createPostgresDatabase, createTestDb, onPostgres, type TestDatabase } from '@kundnav/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from './app.ts'
import { parseEnv } from './env.ts'

const PASSWORD = 'ett riktigt bra lösenord'
const logger = pino({ level: 'silent' })
const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-live-'))

type App = ReturnType<typeof createApp>

/** A server instance as the browser reaches it: its base URL and how its answers are made. */
interface Instance {
  origin: string
  fetch: (request: Request) => Response | Promise<Response>
}

function testEnv(publicUrl: string) {
  // One AUTH_SECRET for all instances (here: from the shared data directory), as behind a load balancer.
  return parseEnv({ DATA_DIR: dataDir, STATIC_DIR: dataDir, PUBLIC_URL: publicUrl })
}

/** A tiny browser for one person: a cookie jar, sign-in through Auth.js, tRPC calls, event streams. */
function browser(username: string) {
  const jar = new Map<string, string>()
  async function request(instance: Instance, path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers)
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await instance.fetch(new Request(`${instance.origin}${path}`, { ...init, headers }))
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const index = pair?.indexOf('=') ?? -1
      if (pair && index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1))
    }
    return response
  }
  return {
    async signIn(instance: Instance) {
      const { csrfToken } = await (await request(instance, '/api/auth/csrf')).json()
      const response = await request(instance, '/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
        body: new URLSearchParams({ username, password: PASSWORD, csrfToken, callbackUrl: '/' }),
      })
      expect(new URL((await response.json()).url).searchParams.get('error')).toBeNull()
    },
    async mutate(instance: Instance, path: string, input: unknown) {
      const response = await request(instance, `/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'x-kundnav-csrf': '1', 'content-type': 'application/json', origin: instance.origin },
        body: JSON.stringify(input),
      })
      const body = await response.json()
      expect(response.status, JSON.stringify(body)).toBe(200)
      return body.result.data
    },
    /** As EventSource asks: a GET with the cookie and no custom header. */
    async subscribe(instance: Instance, input: { caseId?: string }, signal?: AbortSignal) {
      const query = new URLSearchParams({ input: JSON.stringify(input) })
      const response = await request(instance, `/api/trpc/caseLive.events?${query}`, {
        headers: {
          accept: 'text/event-stream',
          'accept-encoding': 'gzip, deflate, br',
          'sec-fetch-site': 'same-origin',
        },
        ...(signal ? { signal } : {}),
      })
      return { response, events: eventReader(response) }
    },
  }
}

interface ServerSentEvent {
  event: string
  data: string
}

/** Reads server-sent events off a response body; "nothing" when none came within the wait, "ended" at its end. */
function eventReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null
  const parsed: ServerSentEvent[] = []
  let done = false
  async function next(waitMs = 5_000): Promise<ServerSentEvent | 'ended' | 'nothing'> {
    const deadline = Date.now() + waitMs
    for (;;) {
      const ready = parsed.shift()
      if (ready) return ready
      if (done) return 'ended'
      pending ??= reader.read()
      const left = deadline - Date.now()
      const chunk = await Promise.race([
        pending,
        new Promise<'nothing'>((resolve) => setTimeout(() => resolve('nothing'), Math.max(0, left))),
      ])
      if (chunk === 'nothing') return 'nothing'
      pending = null
      if (chunk.done) done = true
      else buffer += decoder.decode(chunk.value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
        const fields = block.split('\n').filter((line) => line !== '' && !line.startsWith(':'))
        if (fields.length === 0) continue
        const field = (name: string) =>
          fields
            .filter((line) => line.startsWith(`${name}:`))
            .map((line) => line.slice(name.length + 1).trimStart())
            .join('\n')
        parsed.push({ event: field('event') || 'message', data: field('data') })
      }
    }
  }
  /** The next event that is news to the page (not tRPC's own `connected`, or a ping). */
  async function nextUpdate(waitMs = 5_000) {
    for (;;) {
      const event = await next(waitMs)
      if (typeof event === 'string' || (event.event !== 'connected' && event.event !== 'ping')) return event
    }
  }
  return { next, nextUpdate, cancel: () => reader.cancel().catch(() => {}) }
}

/** Counts a bus's subscribers, to see streams stop listening. */
function counted(bus: CaseEventBus) {
  let listeners = 0
  const wrapped: CaseEventBus = {
    ...bus,
    publish: (event) => bus.publish(event),
    close: () => bus.close(),
    subscribe(listener, closed) {
      listeners += 1
      const stop = bus.subscribe(listener, closed)
      return () => {
        listeners -= 1
        stop()
      }
    },
  }
  return { bus: wrapped, listeners: () => listeners }
}

async function createCase(db: Db, org: OrgWithMembers, role: Role) {
  const reporter = org.members.find((m) => m.membership.roles.includes(role))?.user
  if (!reporter) throw new Error(`no ${role}`)
  const created = await db.prisma.$transaction(async (tx) =>
    tx.case.create({
      data: {
        number: await nextNumber(tx, '', 2026),
        organizationId: org.organization.id,
        reporterUserId: reporter.id,
        createdByUserId: reporter.id,
        area: 'LON',
        subject: 'Lönefråga',
        message: 'Hej',
        idempotencyKey: crypto.randomUUID(),
      },
    }),
  )
  return created.id
}

async function createPeople(db: Db) {
  const person = (name: string, role: Role) => ({
    name,
    email: `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@live.example`,
    password: PASSWORD,
    roles: [role],
  })
  const home = await createOrgWithMembers(db.prisma, { name: 'Hemma AB', members: [person('Anna', 'ADMIN')] })
  const other = await createOrgWithMembers(db.prisma, {
    name: 'Annan AB',
    members: [person('Olle', 'ADMIN')],
  })
  const provider = await createOrgWithMembers(db.prisma, {
    type: 'PROVIDER',
    members: [person('Sara', 'PROVIDER_SUPPORT')],
  })
  const usernameOf = (org: OrgWithMembers) => org.members[0]?.user.username ?? ''
  return { home, other, provider, usernameOf }
}

describe('live updates over server-sent events (either engine, one instance)', () => {
  let db: Db
  let app: App
  let instance: Instance
  let people: Awaited<ReturnType<typeof createPeople>>
  const events = counted(inProcessCaseEvents())

  beforeAll(async () => {
    db = await createTestDb()
    people = await createPeople(db)
    app = createApp({ db, env: testEnv('http://localhost:3000'), logger, caseEvents: events.bus })
    instance = { origin: 'http://localhost:3000', fetch: (request) => app.fetch(request) }
  })
  afterAll(async () => {
    await events.bus.close()
    await db.close()
  })

  it('answers a subscription as an uncompressed, uncached event stream, without the CSRF header', async () => {
    const homeCase = await createCase(db, people.home, 'ADMIN')
    const anna = browser(people.usernameOf(people.home))
    await anna.signIn(instance)
    const abort = new AbortController()
    const { response, events: stream } = await anna.subscribe(instance, { caseId: homeCase }, abort.signal)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('cache-control')).toContain('no-store')
    expect(response.headers.get('cache-control')).toContain('no-transform')
    expect(await stream.next()).toMatchObject({ event: 'connected' })
    const arrival = stream.nextUpdate()
    await expect.poll(() => events.listeners()).toBe(1)
    await events.bus.publish({
      caseId: homeCase,
      organizationId: people.home.organization.id,
      kind: 'message',
    })
    const update = await arrival
    expect(update).toMatchObject({ event: 'message' })
    expect(JSON.parse((update as ServerSentEvent).data)).toEqual({ caseId: homeCase, kind: 'message' })
    // The browser goes away: the stream stops listening.
    abort.abort()
    await expect.poll(() => events.listeners()).toBe(0)
  })

  it("refuses another organisation's member the home case, and gives their list stream none of home's events", async () => {
    const homeCase = await createCase(db, people.home, 'ADMIN')
    const ownCase = await createCase(db, people.other, 'ADMIN')
    const olle = browser(people.usernameOf(people.other))
    await olle.signIn(instance)
    const refused = await olle.subscribe(instance, { caseId: homeCase })
    const error = await refused.events.nextUpdate()
    expect(error).toMatchObject({ event: 'serialized-error' })
    expect(JSON.parse((error as ServerSentEvent).data)).toMatchObject({ data: { code: 'NOT_FOUND' } })
    expect(await refused.events.next()).toBe('ended')

    const before = events.listeners()
    const { events: list } = await olle.subscribe(instance, {})
    const arrival = list.nextUpdate()
    await expect.poll(() => events.listeners()).toBe(before + 1)
    await events.bus.publish({
      caseId: homeCase,
      organizationId: people.home.organization.id,
      kind: 'created',
    })
    await events.bus.publish({
      caseId: homeCase,
      organizationId: people.other.organization.id,
      kind: 'status',
    })
    await events.bus.publish({
      caseId: ownCase,
      organizationId: people.other.organization.id,
      kind: 'created',
    })
    expect(JSON.parse(((await arrival) as ServerSentEvent).data)).toEqual({
      caseId: ownCase,
      kind: 'created',
    })
    await list.cancel()
  })

  it('refuses a subscriber who is not signed in', async () => {
    const stranger = browser('nobody')
    const { events: stream } = await stranger.subscribe(instance, {})
    const error = await stream.nextUpdate()
    expect(JSON.parse((error as ServerSentEvent).data)).toMatchObject({ data: { code: 'UNAUTHORIZED' } })
  })
})

describe.runIf(onPostgres)('live updates across two server instances (PostgreSQL LISTEN/NOTIFY)', () => {
  let database: TestDatabase
  let dbA: Db
  let dbB: Db
  let busA: PostgresCaseEventBus
  let busB: PostgresCaseEventBus
  let countedA: ReturnType<typeof counted>
  let server: ReturnType<typeof serve>
  let a: Instance
  let b: Instance
  let people: Awaited<ReturnType<typeof createPeople>>

  beforeAll(async () => {
    const template = inject('postgresTemplate')
    database = await createPostgresDatabase(process.env.DATABASE_URL as string, {
      ...(template ? { template } : {}),
    })
    // Two instances: each its own pool and its own listening connection, one database.
    dbA = await createDb({ databaseUrl: database.url, poolSize: 3 })
    dbB = await createDb({ databaseUrl: database.url, poolSize: 3 })
    busA = postgresCaseEvents(database.url)
    busB = postgresCaseEvents(database.url)
    countedA = counted(busA)
    await Promise.all([busA.listening(), busB.listening()])
    people = await createPeople(dbA)

    // Instance A over real HTTP on an ephemeral port; its address is its public URL.
    let appA: App | null = null
    server = serve({ fetch: (request) => (appA as App).fetch(request), port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    appA = createApp({ db: dbA, env: testEnv(origin), logger, caseEvents: countedA.bus })
    a = { origin, fetch: (request) => fetch(request) }
    const appB = createApp({ db: dbB, env: testEnv(origin), logger, caseEvents: busB })
    b = { origin, fetch: (request) => appB.fetch(request) }
  })
  afterAll(async () => {
    if (server && 'closeAllConnections' in server) server.closeAllConnections()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    await Promise.all([busA?.close(), busB?.close()])
    await Promise.all([dbA?.close(), dbB?.close()])
    await database?.drop()
  })

  it("a change through instance B reaches A's subscriber; removed from the organisation, they get nothing more", async () => {
    const homeCase = await createCase(dbA, people.home, 'ADMIN')
    const anna = browser(people.usernameOf(people.home))
    const sara = browser(people.usernameOf(people.provider))
    await anna.signIn(a)
    await sara.signIn(b)

    const { response, events: stream } = await anna.subscribe(a, { caseId: homeCase })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    expect(await stream.next()).toMatchObject({ event: 'connected' })
    await expect.poll(() => countedA.listeners()).toBe(1)

    // Support takes the case up through instance B: its bus notifies, A's listening connection hears it.
    const arrival = stream.nextUpdate()
    const { version } = await sara.mutate(b, 'supportCase.setStatus', {
      caseId: homeCase,
      version: 1,
      status: 'IN_PROGRESS',
    })
    const update = await arrival
    expect(update).toMatchObject({ event: 'message' })
    expect(JSON.parse((update as ServerSentEvent).data)).toEqual({ caseId: homeCase, kind: 'status' })

    // Anna's administrator removes her from the organisation (through B's database); then support closes it.
    await dbB.prisma.membership.deleteMany({
      where: { userId: people.home.members[0]?.user.id, organizationId: people.home.organization.id },
    })
    await sara.mutate(b, 'supportCase.close', {
      caseId: homeCase,
      version,
      answer: 'Klart, lönen är rättad.',
    })
    // Nothing of it is sent: the stream ends (tRPC's `return`), and the connection with it.
    const after: ServerSentEvent[] = []
    for (;;) {
      const event = await stream.next()
      if (event === 'ended') break
      if (event === 'nothing') throw new Error('the stream did not end')
      after.push(event)
    }
    expect(after.filter((event) => event.event === 'message')).toEqual([])
    expect(after.map((event) => event.event)).toContain('return')
    await expect.poll(() => countedA.listeners()).toBe(0)
  })
})
