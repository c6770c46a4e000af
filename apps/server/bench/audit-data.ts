import {
  auditEventContent,
  contentHash,
  createDb,
  type Db,
  migrate,
  migrationsDir,
  PrismaClient,
  type Role,
  type SqlRunner,
  seedDemo,
  uuidV7,
} from '@kundnav/db'
import { createPostgresDatabase, type TestDatabase } from '@kundnav/db/testing/postgres'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { benchCaller, cleanUpOnInterrupt } from './support.ts'

export const DEMO_ADMIN = 'anna.andersson@norrby.example'
export const DEMO_ORGANIZATION = 'Region Norrby (demo)'

/**
 * The data P1–P3 run on: the demo organisations and people (as `pnpm start` seeds them) and `events`
 * audit events in Region Norrby, on PostgreSQL in a database of its own when `databaseUrl` is given,
 * else on an in-memory PGlite.
 */
export interface BenchData {
  db: Db
  /** The database's own URL, on PostgreSQL. */
  url: string | null
  organizationId: string
  adminUserId: string
  events: number
  close(): Promise<void>
}

export async function createBenchData(databaseUrl: string | undefined, events: number): Promise<BenchData> {
  let database: TestDatabase | null = null
  if (databaseUrl) database = await createPostgresDatabase(databaseUrl, { prefix: 'kundnav_bench' })
  const db = await createDb({ databaseUrl: database?.url })
  const close = cleanUpOnInterrupt(async () => {
    await db.close()
    await database?.drop()
  })
  try {
    await migrate(db.sql, migrationsDir)
    await seedDemo(db.prisma)
    const organization = await db.prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORGANIZATION } })
    const admin = await db.prisma.user.findFirstOrThrow({ where: { email: DEMO_ADMIN } })
    const members = await db.prisma.membership.findMany({
      where: { organizationId: organization.id },
      select: { userId: true, roles: true },
    })
    await appendAuditEvents(db, organization.id, members, events)
    await db.sql.query('ANALYZE "AuditEvent"')
    await db.sql.query('ANALYZE "User"')
    return {
      db,
      url: database?.url ?? null,
      organizationId: organization.id,
      adminUserId: admin.id,
      events,
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}

const ACTIONS = ['login.succeeded', 'member.roles_changed', 'member.added', 'session.ended', 'login.failed']

/**
 * Appends `count` events to the organisation's audit chain, a few thousand rows per INSERT. Each event is
 * chained exactly as `appendAuditEvent` chains it (position, the previous hash, the hash of its canonical
 * content), so the database's chain check holds and `pnpm audit:verify` would find the chain intact. They
 * are dated one per ten seconds up to now. Nothing else writes to this chain meanwhile.
 */
async function appendAuditEvents(
  db: Db,
  organizationId: string,
  members: { userId: string; roles: Role[] }[],
  count: number,
): Promise<void> {
  const last = await db.prisma.auditEvent.findFirst({
    where: { organizationId },
    orderBy: { chainSeq: 'desc' },
    select: { chainSeq: true, hash: true },
  })
  let prevHash = last?.hash ?? null
  let chainSeq = last?.chainSeq ?? 0n
  const now = Date.now()
  const BATCH = 5_000
  for (let start = 0; start < count; start += BATCH) {
    const columns = {
      id: [] as string[],
      actorUserId: [] as string[],
      actorRole: [] as string[],
      action: [] as string[],
      targetId: [] as string[],
      data: [] as string[],
      createdAt: [] as string[],
      chainSeq: [] as string[],
      prevHash: [] as (string | null)[],
      hash: [] as string[],
    }
    for (let index = start; index < Math.min(count, start + BATCH); index++) {
      const member = members[index % members.length]
      const target = members[(index * 7 + 3) % members.length]
      if (!member || !target) throw new Error('the organisation has no members')
      const createdAt = new Date(now - (count - index) * 10_000)
      chainSeq += 1n
      const fields = {
        id: uuidV7(createdAt.getTime()),
        organizationId,
        actorUserId: member.userId,
        actorRole: member.roles[0] ?? null,
        action: ACTIONS[index % ACTIONS.length] ?? 'login.succeeded',
        targetType: 'User',
        targetId: target.userId,
        data: { nr: index, roles: target.roles },
        createdAt,
        chainSeq,
        prevHash,
      }
      const hash = contentHash(auditEventContent(fields))
      columns.id.push(fields.id)
      columns.actorUserId.push(fields.actorUserId)
      columns.actorRole.push(fields.actorRole ?? 'ADMIN')
      columns.action.push(fields.action)
      columns.targetId.push(fields.targetId)
      columns.data.push(JSON.stringify(fields.data))
      columns.createdAt.push(createdAt.toISOString())
      columns.chainSeq.push(String(chainSeq))
      columns.prevHash.push(prevHash)
      columns.hash.push(hash)
      prevHash = hash
    }
    await db.sql.query(
      `INSERT INTO "AuditEvent" (id, "organizationId", "actorUserId", "actorRole", action, "targetType", "targetId",
                                 data, "createdAt", "chainSeq", "prevHash", hash)
       SELECT e.id, $1::uuid, e.actor, e.role, e.action, 'User', e.target, e.data, e.at, e.seq, e.prev, e.hash
         FROM unnest($2::uuid[], $3::uuid[], $4::"Role"[], $5::text[], $6::text[], $7::jsonb[], $8::timestamptz[],
                     $9::bigint[], $10::text[], $11::text[])
           AS e(id, actor, role, action, target, data, at, seq, prev, hash)`,
      [
        organizationId,
        columns.id,
        columns.actorUserId,
        columns.actorRole,
        columns.action,
        columns.targetId,
        columns.data,
        columns.createdAt,
        columns.chainSeq,
        columns.prevHash,
        columns.hash,
      ],
    )
  }
}

export interface CapturedStatement {
  text: string
  params: unknown[]
}

/**
 * The SQL `work` sends, through Prisma or past it to the driver (`db.sql`): `work` runs on a client of its
 * own, on the same database, with Prisma's query logging on and the driver's queries recorded. Prisma's
 * parameters come as it logs them (numbers as strings, which PostgreSQL casts for their placeholders).
 */
export async function captureSql(
  data: BenchData,
  work: (db: Db) => Promise<unknown>,
): Promise<CapturedStatement[]> {
  const pool = data.url ? new pg.Pool({ connectionString: data.url, max: 1 }) : null
  const adapter = pool ? new PrismaPg(pool) : data.db.pglite && new PrismaPGlite(data.db.pglite)
  if (!adapter) throw new Error('no database to capture SQL on')
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
  const statements: CapturedStatement[] = []
  prisma.$on('query', (event) => {
    statements.push({ text: event.query, params: JSON.parse(event.params) as unknown[] })
  })
  const sql: SqlRunner = {
    ...data.db.sql,
    query(text, params = []) {
      statements.push({ text, params })
      return data.db.sql.query(text, params)
    },
  }
  try {
    await work({ ...data.db, prisma, sql })
  } finally {
    await prisma.$disconnect()
    await pool?.end()
  }
  return statements
}

/**
 * What `audit.list` (first page, default input) asks the database, captured from the procedure itself:
 * called through tRPC's server-side caller as the demo administrator, on a logging client.
 */
export function captureAuditListSql(data: BenchData): Promise<CapturedStatement[]> {
  return captureSql(data, (db) =>
    benchCaller(db, {
      userId: data.adminUserId,
      name: 'Anna Andersson',
      organizationId: data.organizationId,
      organizationType: 'CUSTOMER',
      role: 'ADMIN',
    }).audit.list({}),
  )
}
