import type { PrismaClient } from '@kundnav/db'
import pg from 'pg'
import { type BenchData, captureSql } from './audit-data.ts'
import { met, quantile, type Row } from './support.ts'

const WARM_UP = 50
const CALLS = 500

/** The first page of the audit log, as `audit.list` asks Prisma for it. */
function firstPage(prisma: PrismaClient, organizationId: string) {
  return prisma.auditEvent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 51,
  })
}

/**
 * P2: one Prisma `findMany` with a `where` and an `orderBy`, as the list procedures use it, against the very
 * statement Prisma sends (captured from its query log) run through the driver itself — `pg` on a pool of
 * the portal's size on PostgreSQL, PGlite's own `query` on PGlite. One call at a time, alternating; p50.
 */
export async function measurePrismaVsDriver(data: BenchData): Promise<Row[]> {
  const [statement] = await captureSql(data, (db) => firstPage(db.prisma, data.organizationId))
  if (!statement) throw new Error('Prisma sent no SQL')
  const pool = data.url ? new pg.Pool({ connectionString: data.url, max: 10 }) : null
  const pglite = data.db.pglite
  const driver = pool
    ? () => pool.query(statement.text, statement.params)
    : () => {
        if (!pglite) throw new Error('no driver')
        return pglite.query(statement.text, statement.params)
      }
  try {
    const times = { prisma: [] as number[], driver: [] as number[] }
    for (let call = 0; call < WARM_UP + CALLS; call++) {
      let started = performance.now()
      const rows = await firstPage(data.db.prisma, data.organizationId)
      const prismaTime = performance.now() - started
      started = performance.now()
      const result = await driver()
      const driverTime = performance.now() - started
      if (rows.length !== 51 || result.rows.length !== 51) throw new Error('the page is not 51 rows')
      if (call < WARM_UP) continue
      times.prisma.push(prismaTime)
      times.driver.push(driverTime)
    }
    const prismaP50 = quantile(times.prisma, 0.5)
    const driverP50 = quantile(times.driver, 0.5)
    const ratio = prismaP50 / driverP50
    return [
      {
        row: `P2 Prisma findMany (where + orderBy, 51 rows), p50 of ${CALLS}`,
        figure: `${prismaP50.toFixed(2)} ms`,
        baseline: `${driverP50.toFixed(2)} ms same SQL via ${pool ? 'pg' : 'PGlite'}`,
        ratio: ratio.toFixed(2),
        target: '≤ 1.3',
        met: met(ratio <= 1.3),
      },
    ]
  } finally {
    await pool?.end()
  }
}
