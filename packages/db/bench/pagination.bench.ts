/**
 * Keyset pagination against the OFFSET baseline, on the outbox's (sentAt, id) index — the shape every
 * Kundnav list uses. Both run in the same process on the same data; the report is their ratio.
 * PGlite by default, PostgreSQL when DATABASE_URL is set (it creates and drops its own database).
 */
import { performance } from 'node:perf_hooks'
import { createDb } from '../src/client.ts'
import { migrate } from '../src/migrator.ts'
import { migrationsDir } from '../src/paths.ts'
import { createPostgresDatabase } from '../src/testing/postgres.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000)
const PAGE = 20
const REPEATS = 15

const database = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : null
const db = await createDb({ databaseUrl: database?.url })
try {
  await migrate(db.sql, migrationsDir)
  await db.sql.query(
    `INSERT INTO "OutboxMessage" (id, channel, recipient, subject, text, "messageId", status, "deliveredVia", "sentAt")
     SELECT gen_random_uuid(), 'EMAIL', 'p' || n || '@bench.example', 'Nr ' || n, 'Hej', '<' || n || '@bench>',
            'SENT', 'mailbox', now() - n * interval '1 second'
       FROM generate_series(1, $1::int) AS n`,
    [ROWS],
  )
  await db.sql.query('ANALYZE "OutboxMessage"')

  // The last page a person could reach: where OFFSET hurts most.
  const depth = ROWS - PAGE
  const [cursor] = await db.sql.query<{ sentAt: Date; id: string }>(
    `SELECT "sentAt", id FROM "OutboxMessage" ORDER BY "sentAt" DESC, id DESC OFFSET $1 LIMIT 1`,
    [depth - 1],
  )
  if (!cursor) throw new Error('no rows')

  async function median(run: () => Promise<unknown>): Promise<number> {
    const times: number[] = []
    for (let index = 0; index < REPEATS; index++) {
      const started = performance.now()
      await run()
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)] ?? Number.NaN
  }

  const offset = await median(() =>
    db.prisma.outboxMessage.findMany({
      where: { deliveredVia: 'mailbox' },
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      skip: depth,
      take: PAGE,
    }),
  )
  const keyset = await median(() =>
    db.prisma.outboxMessage.findMany({
      where: {
        deliveredVia: 'mailbox',
        OR: [{ sentAt: { lt: cursor.sentAt } }, { sentAt: cursor.sentAt, id: { lt: cursor.id } }],
      },
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: PAGE,
    }),
  )

  console.log(`engine: ${db.engine}, rows: ${ROWS}, page ${PAGE} at depth ${depth}, median of ${REPEATS}`)
  console.log(`  baseline OFFSET  ${offset.toFixed(2)} ms`)
  console.log(`  keyset           ${keyset.toFixed(2)} ms`)
  console.log(`  ratio keyset/OFFSET = ${(keyset / offset).toFixed(3)} (lower is better)`)
} finally {
  await db.close()
  await database?.drop()
}
