/**
 * P1's baseline: a bare Hono route that runs the SQL `audit.list` runs — the page of events, then the
 * names of their actors — through a `pg` pool of the portal's size, and answers the same items as JSON.
 * No session, no tRPC, no Prisma, no output validation. Started by the report as a process of its own
 * (like the portal), with BENCH_BARE_SQL holding the statements captured from the procedure.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import pg from 'pg'
import type { CapturedStatement } from './audit-data.ts'

const { DATABASE_URL, PORT, DATABASE_POOL_SIZE, BENCH_BARE_SQL } = process.env
if (!DATABASE_URL || !PORT || !BENCH_BARE_SQL)
  throw new Error('DATABASE_URL, PORT and BENCH_BARE_SQL are needed')
const [list, names] = JSON.parse(BENCH_BARE_SQL) as [CapturedStatement, CapturedStatement]
if (!list || !names) throw new Error('BENCH_BARE_SQL needs the list statement and the names statement')

// The names statement lists one placeholder per actor (`IN ($1,…,$n)`), then its OFFSET: rebuilt per page.
const inList = /IN \((\$\d+(?:,\$\d+)*)\)/
const actorsCaptured = inList.exec(names.text)?.[1]?.split(',').length
if (!actorsCaptured || !/OFFSET \$\d+$/.test(names.text))
  throw new Error(`unexpected names SQL: ${names.text}`)
const offset = names.params.at(-1)
function namesStatement(ids: string[]): CapturedStatement {
  const text = names.text
    .replace(inList, `IN (${ids.map((_, index) => `$${index + 1}`).join(',')})`)
    .replace(/OFFSET \$\d+$/, `OFFSET $${ids.length + 1}`)
  return { text, params: [...ids, offset] }
}

interface EventRow {
  id: string
  actorUserId: string | null
  actorRole: string | null
  action: string
  targetType: string | null
  targetId: string | null
  data: unknown
  createdAt: Date
}

const limit = Number(list.params[1]) - 1
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(DATABASE_POOL_SIZE ?? 10) })
const app = new Hono()
app.get('/health', (c) => c.text('ok'))
app.get('/audit', async (c) => {
  const rows = (await pool.query<EventRow>(list.text, list.params)).rows
  const page = rows.slice(0, limit)
  const ids = [...new Set(page.map((row) => row.actorUserId).filter((id): id is string => id !== null))]
  const statement = namesStatement(ids)
  const actors =
    ids.length === 0
      ? []
      : (await pool.query<{ id: string; name: string }>(statement.text, statement.params)).rows
  const byId = new Map(actors.map((actor) => [actor.id, actor.name]))
  const items = page.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    actorUserId: row.actorUserId,
    actorName: row.actorUserId ? (byId.get(row.actorUserId) ?? null) : null,
    actorRole: row.actorRole,
    targetType: row.targetType,
    targetId: row.targetId,
    data: row.data,
  }))
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
