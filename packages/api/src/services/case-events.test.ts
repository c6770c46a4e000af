import { randomUUID } from 'node:crypto'
import { createPostgresDatabase, onPostgres, type TestDatabase } from '@kundnav/db/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CASE_EVENT_CHANNEL,
  type CaseEvent,
  type CaseEventBus,
  inProcessCaseEvents,
  postgresCaseEvents,
} from './case-events.ts'

// LISTEN/NOTIFY needs PostgreSQL itself: those tests run in the PostgreSQL pass (onPostgres).

const event = (kind: CaseEvent['kind'] = 'status'): CaseEvent => ({
  caseId: randomUUID(),
  organizationId: randomUUID(),
  kind,
})

/** The events a bus delivers, and a promise of the next. */
function recorder(bus: CaseEventBus) {
  const heard: CaseEvent[] = []
  let waiting: ((event: CaseEvent) => void) | null = null
  let closed = false
  const stop = bus.subscribe(
    (event) => {
      heard.push(event)
      waiting?.(event)
    },
    () => {
      closed = true
    },
  )
  return {
    heard,
    stop,
    closed: () => closed,
    next: (timeoutMs = 5_000) =>
      new Promise<CaseEvent>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event arrived')), timeoutMs)
        waiting = (event) => {
          clearTimeout(timer)
          waiting = null
          resolve(event)
        }
      }),
  }
}

describe('in-process case events', () => {
  it('delivers to every subscriber until it stops, and tells subscribers when the bus closes', async () => {
    const bus = inProcessCaseEvents()
    const first = recorder(bus)
    const second = recorder(bus)
    const sent = event()
    await bus.publish(sent)
    expect(first.heard).toEqual([sent])
    expect(second.heard).toEqual([sent])
    second.stop()
    await bus.publish(event('message'))
    expect(first.heard).toHaveLength(2)
    expect(second.heard).toHaveLength(1)
    await bus.close()
    expect(first.closed()).toBe(true)
    expect(second.closed()).toBe(false)
    // A subscriber arriving after the close is told at once.
    expect(recorder(bus).closed()).toBe(true)
  })
})

describe.runIf(onPostgres)('PostgreSQL case events (LISTEN/NOTIFY)', () => {
  let database: TestDatabase
  const buses: CaseEventBus[] = []
  const bus = () => {
    const created = postgresCaseEvents(database.url)
    buses.push(created)
    return created
  }

  beforeAll(async () => {
    database = await createPostgresDatabase(process.env.DATABASE_URL as string, { prefix: 'kundnav_events' })
  })
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()))
    await database?.drop()
  })

  it("carries an event published on one instance's bus to another's, and to its own", async () => {
    const a = bus()
    const b = bus()
    await Promise.all([a.listening(), b.listening()])
    const onA = recorder(a)
    const onB = recorder(b)
    const sent = event('closed')
    const arrivals = Promise.all([onA.next(), onB.next()])
    await a.publish(sent)
    expect(await arrivals).toEqual([sent, sent])
  })

  it('ignores notifications on its channel that are no case event', async () => {
    const a = bus()
    await a.listening()
    const onA = recorder(a)
    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    try {
      // Waiting before anything is sent: an event arriving before `next()` would otherwise be missed.
      const arrival = onA.next()
      await admin.query('SELECT pg_notify($1, $2)', [CASE_EVENT_CHANNEL, 'not json'])
      await admin.query('SELECT pg_notify($1, $2)', [CASE_EVENT_CHANNEL, '{"caseId":"x","kind":"deleted"}'])
      const sent = event()
      await admin.query('SELECT pg_notify($1, $2)', [CASE_EVENT_CHANNEL, JSON.stringify(sent)])
      expect(await arrival).toEqual(sent)
      expect(onA.heard).toEqual([sent])
    } finally {
      await admin.end()
    }
  })

  it('listens again after its connection is cut, with backoff, and then hears events again', async () => {
    const a = bus()
    const b = bus()
    await Promise.all([a.listening(), b.listening()])
    const onB = recorder(b)
    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    try {
      // The server ends every listening session of this database (a restart or failover looks the same).
      const { rows } = await admin.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
      )
      expect(rows.length).toBeGreaterThanOrEqual(2)
      // Published while cut off: lost (delivery is at most once), and publish does not throw.
      await a.publish(event())
      await expect
        .poll(async () => {
          const { rows: listening } = await admin.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
          )
          return listening.length
        })
        .toBeGreaterThanOrEqual(2)
      await Promise.all([a.listening(), b.listening()])
      const sent = event('message')
      const arrival = onB.next()
      await a.publish(sent)
      expect(await arrival).toEqual(sent)
    } finally {
      await admin.end()
    }
  })

  it('close() ends the connection and its subscribers; publishing after it is a no-op', async () => {
    const a = bus()
    await a.listening()
    const onA = recorder(a)
    await a.close()
    expect(onA.closed()).toBe(true)
    await expect(a.publish(event())).resolves.toBeUndefined()
    await expect(a.listening()).rejects.toThrow(/closed/)
  })
})
