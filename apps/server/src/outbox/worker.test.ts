import { deleteExpired } from '@kundnav/api'
import { type Db, enqueueMail, enqueueSms } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Transport } from './transports.ts'
import { OutboxWorker } from './worker.ts'

const logger = pino({ level: 'silent' })
let db: Db

beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany()
})

/** A transport that records what it delivered, slowly enough for two workers to overlap. */
function recordingTransport(delayMs = 0): Transport & { sent: string[] } {
  const sent: string[] = []
  return {
    name: 'test',
    sent,
    async deliver(message) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
      sent.push(message.messageId)
    },
  }
}

describe('outbox worker', () => {
  it('delivers a queued mail and SMS once, marking them sent with their transport', async () => {
    await enqueueMail(db.prisma, { to: 'anna@norrby.example', subject: 'Hej', text: 'Välkommen' })
    await enqueueSms(db.prisma, { to: '+46701234567', text: 'Din kod är 123456' })
    const transport = recordingTransport()
    const worker = new OutboxWorker({ db, transport, logger, pollMs: 10 })

    expect(await worker.runOnce()).toBe(2)
    expect(await worker.runOnce()).toBe(0)

    expect(transport.sent).toHaveLength(2)
    const rows = await db.prisma.outboxMessage.findMany()
    expect(rows.every((row) => row.status === 'SENT' && row.deliveredVia === 'test' && row.sentAt)).toBe(true)
  })

  it('sends nothing written in a transaction that rolled back', async () => {
    await db.prisma
      .$transaction(async (tx) => {
        await enqueueMail(tx, { to: 'x@norrby.example', subject: 'Aldrig', text: 'Aldrig' })
        throw new Error('the change failed')
      })
      .catch(() => {})
    const transport = recordingTransport()
    expect(await new OutboxWorker({ db, transport, logger, pollMs: 10 }).runOnce()).toBe(0)
    expect(await db.prisma.outboxMessage.count()).toBe(0)
  })

  it('keeps a failed message, records the error and retries it later with the same Message-ID', async () => {
    const queued = await enqueueMail(db.prisma, { to: 'anna@norrby.example', subject: 'Hej', text: 'Hej' })
    const failing: Transport = {
      name: 'test',
      deliver: async () => {
        throw new Error('SMTP server said 451 try again later')
      },
    }

    expect(await new OutboxWorker({ db, transport: failing, logger, pollMs: 10 }).runOnce()).toBe(0)
    const afterFailure = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })
    expect(afterFailure).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: expect.stringMatching(/451/),
    })
    expect(afterFailure.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())

    // Not due yet: a second pass leaves it alone.
    const transport = recordingTransport()
    expect(await new OutboxWorker({ db, transport, logger, pollMs: 10 }).runOnce()).toBe(0)

    // Once its backoff has passed, the retry delivers it with the Message-ID it was given at first.
    await db.prisma.outboxMessage.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date(0) } })
    expect(await new OutboxWorker({ db, transport, logger, pollMs: 10 }).runOnce()).toBe(1)
    expect(transport.sent).toEqual([queued.messageId])
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
      lastError: null,
    })
  })

  it('delivers each message exactly once when two workers run at the same time', async () => {
    const count = 40
    for (let index = 0; index < count; index++) {
      await enqueueMail(db.prisma, { to: `p${index}@norrby.example`, subject: `Nr ${index}`, text: 'Hej' })
    }
    const transport = recordingTransport(5)
    const first = new OutboxWorker({ db, transport, logger, pollMs: 10, batchSize: 3 })
    const second = new OutboxWorker({ db, transport, logger, pollMs: 10, batchSize: 3 })

    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()])

    expect(a + b).toBe(count)
    expect(transport.sent).toHaveLength(count)
    expect(new Set(transport.sent).size).toBe(count)
    if (db.engine === 'postgresql') {
      // On a real server both workers must have taken part; PGlite is one connection and serialises them.
      expect(a).toBeGreaterThan(0)
      expect(b).toBeGreaterThan(0)
    }
  })

  it('the periodic loop delivers what is queued while it runs, and stop() waits for the batch in flight', async () => {
    const transport = recordingTransport(20)
    const worker = new OutboxWorker({ db, transport, logger, pollMs: 20 })
    worker.start()
    await enqueueMail(db.prisma, { to: 'late@norrby.example', subject: 'Sen', text: 'Hej' })
    await expect
      .poll(async () => (await db.prisma.outboxMessage.findFirstOrThrow()).status, { timeout: 10_000 })
      .toBe('SENT')
    await worker.stop()
    expect(transport.sent).toHaveLength(1)
  })
})

describe('housekeeping in the worker', () => {
  it('runs on the first pass, then at most once per interval, and survives a failure', async () => {
    let runs = 0
    const worker = new OutboxWorker({
      db,
      transport: recordingTransport(),
      logger,
      pollMs: 10,
      housekeeping: {
        everyMs: 60_000,
        run: async () => {
          runs++
          if (runs === 2) throw new Error('database away')
        },
      },
    })
    await worker.keepHouse(1_000_000)
    await worker.keepHouse(1_030_000)
    expect(runs).toBe(1)
    await worker.keepHouse(1_060_000)
    expect(runs).toBe(2)
    await worker.keepHouse(1_120_000)
    expect(runs).toBe(3)
  })

  it('deletes delivered mail past its retention while it polls', async () => {
    await enqueueMail(db.prisma, { to: 'gammal@norrby.example', subject: 'Gammal', text: 'x' })
    await db.prisma.outboxMessage.updateMany({
      where: { recipient: 'gammal@norrby.example' },
      data: { status: 'SENT', sentAt: new Date(Date.now() - 8 * 24 * 3_600_000) },
    })
    const worker = new OutboxWorker({
      db,
      transport: recordingTransport(),
      logger,
      pollMs: 10,
      housekeeping: {
        everyMs: 60_000,
        run: () =>
          deleteExpired(db.prisma, {
            sessionIdleMs: 30 * 60_000,
            throttleWindowMs: 15 * 60_000,
            outboxRetentionMs: 7 * 24 * 3_600_000,
          }),
      },
    })
    worker.start()
    await expect.poll(() => db.prisma.outboxMessage.count(), { timeout: 5_000 }).toBe(0)
    await worker.stop()
  })
})
