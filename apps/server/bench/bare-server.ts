/**
 * P1's baseline: a bare Hono route that runs the statement `audit.list` runs (the page of events with their
 * actors' names) through a `pg` pool of the portal's size, and answers the same items as JSON. No session,
 * no tRPC, no output validation. Started by the report as a process of its own (like the portal), with
 * BENCH_BARE_SQL holding the statements captured from the procedure (exactly one).
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import pg from 'pg'
import type { CapturedStatement } from './audit-data.ts'

const { DATABASE_URL, PORT, DATABASE_POOL_SIZE, BENCH_BARE_SQL } = process.env
if (!DATABASE_URL || !PORT || !BENCH_BARE_SQL)
  throw new Error('DATABASE_URL, PORT and BENCH_BARE_SQL are needed')
const statements = JSON.parse(BENCH_BARE_SQL) as CapturedStatement[]
const [list] = statements
if (!list || statements.length !== 1) {
  throw new Error(`audit.list ran ${statements.length} statements; this baseline runs exactly one`)
}

interface EventRow {
  id: string
  createdAt: Date
}

// The statement's last parameter is its LIMIT: one row more than the page, to know whether another follows.
const limit = Number(list.params.at(-1)) - 1
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(DATABASE_POOL_SIZE ?? 10) })
const app = new Hono()
app.get('/health', (c) => c.text('ok'))
app.get('/audit', async (c) => {
  const rows = (await pool.query<EventRow>(list.text, list.params)).rows
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return c.json({
    items,
    nextCursor: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  })
})

const server = serve({ fetch: app.fetch, port: Number(PORT), hostname: '127.0.0.1' })
process.on('SIGTERM', () => {
  server.close()
  void pool.end().then(() => process.exit(0))
})
