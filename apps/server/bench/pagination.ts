import type { BenchData } from './audit-data.ts'
import type { Row } from './support.ts'

const PAGE = 50
const REPEATS = 15

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  await run()
  for (let index = 0; index < REPEATS; index++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

/**
 * P3: keyset pagination of the audit log, the query `audit.list` makes for a page after a cursor, on the
 * bench's events. The last page a person could reach against the first page (keyset should not care how
 * deep it is), and that last page by keyset against the same page by OFFSET (the baseline keyset avoids).
 * Median of 15 each.
 */
export async function measurePagination(data: BenchData): Promise<Row[]> {
  const { prisma } = data.db
  const organizationId = data.organizationId
  const total = await prisma.auditEvent.count({ where: { organizationId } })
  const depth = total - PAGE
  const [cursor] = await prisma.auditEvent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: depth - 1,
    take: 1,
    select: { createdAt: true, id: true },
  })
  if (!cursor) throw new Error('no events')
  const orderBy = [{ createdAt: 'desc' as const }, { id: 'desc' as const }]

  const first = await median(() =>
    prisma.auditEvent.findMany({ where: { organizationId }, orderBy, take: PAGE + 1 }),
  )
  const keyset = await median(() =>
    prisma.auditEvent.findMany({
      where: {
        organizationId,
        OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
      },
      orderBy,
      take: PAGE + 1,
    }),
  )
  const offset = await median(() =>
    prisma.auditEvent.findMany({ where: { organizationId }, orderBy, skip: depth, take: PAGE + 1 }),
  )
  const at = `page ${Math.ceil(total / PAGE)} of ${total.toLocaleString('en')} events, ${data.db.engine}`
  return [
    {
      row: `P3 keyset: deepest page vs first page (${at})`,
      figure: `${keyset.toFixed(2)} ms`,
      baseline: `${first.toFixed(2)} ms first page`,
      ratio: (keyset / first).toFixed(2),
      target: '— (flat: ≈ 1)',
      met: '—',
    },
    {
      row: 'P3 deepest page: keyset vs OFFSET',
      figure: `${keyset.toFixed(2)} ms`,
      baseline: `${offset.toFixed(2)} ms OFFSET`,
      ratio: (keyset / offset).toFixed(3),
      target: '— (lower is better)',
      met: '—',
    },
  ]
}
