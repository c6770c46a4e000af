import { createDb, type Db } from '@kundnav/db'
import {
  type CaseVolume,
  captureQueries,
  createPostgresDatabase,
  explainPlan,
  generateCases,
  myCasesCursor,
  onPostgres,
  type PlanNode,
  planNodes,
  type TestDatabase,
} from '@kundnav/db/testing'
import { ZCaseListInput } from '@kundnav/schemas'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type CaseActor, caseScope, myCasesQuery } from './cases.ts'

/**
 * Issue 12, "Scale": 1,000,000 cases in 10,000 organisations, 200,000 of them one person's. "Mina ärenden"
 * must be answered from the index (organizationId, reporterUserId, createdAt desc, id desc) on its first
 * page, in the middle and on its last (page 10,000 of 20): the plan PostgreSQL makes for the SQL Prisma
 * sends for myCasesQuery walks that index from the cursor — no scan of the table, no sort of the person's
 * cases, and the cursor bounds the index range (a cursor applied as a filter would walk all the newer
 * cases first). Plans, not times: `pnpm bench` times the pages. PostgreSQL only (CI's second pass).
 */
const INDEX = 'Case_organizationId_reporterUserId_createdAt_id_idx'
const PAGE = 20

describe.runIf(onPostgres)('"Mina ärenden" with 1,000,000 cases (PostgreSQL)', () => {
  let database: TestDatabase
  let db: Db
  let volume: CaseVolume

  beforeAll(async () => {
    const template = inject('postgresTemplate')
    if (!process.env.DATABASE_URL || !template) throw new Error('needs the PostgreSQL template')
    database = await createPostgresDatabase(process.env.DATABASE_URL, { template })
    db = await createDb({ databaseUrl: database.url, poolSize: 2 })
    volume = await generateCases(db.sql, { organizations: 10_000, cases: 1_000_000, onePersonCases: 200_000 })
  }, 240_000)

  afterAll(async () => {
    await db?.close()
    await database?.drop()
  })

  const shape = (node: PlanNode) =>
    [
      node['Node Type'],
      node['Index Name'] && `using ${node['Index Name']}`,
      node['Relation Name'] && `on ${node['Relation Name']}`,
    ]
      .filter(Boolean)
      .join(' ')

  it.each([1, 5_000, 10_000])("page %i of the person's cases is read from their index", async (page) => {
    const actor: CaseActor = {
      sessionId: 'scale',
      userId: volume.userId,
      name: 'Vera Volym',
      organizationId: volume.organizationId,
      organizationType: 'CUSTOMER',
      role: 'ORDERER',
    }
    const cursor = await myCasesCursor(db.sql, volume, page, PAGE)
    const input = ZCaseListInput.parse({ limit: PAGE, ...(cursor ? { cursor } : {}) })
    let rows: { id: string }[] = []
    const queries = await captureQueries(database.url, async (prisma) => {
      const scope = await caseScope(prisma, actor)
      if (!scope) throw new Error('the person reaches no cases')
      expect(scope).toEqual({ organizationId: volume.organizationId, reporterUserId: volume.userId })
      rows = await prisma.case.findMany(myCasesQuery(actor, input, scope))
    })
    // The page is the right one: full, and the last page says no page follows (no 21st row).
    expect(rows).toHaveLength(page === 10_000 ? PAGE : PAGE + 1)

    const list = queries.filter((query) => /FROM "public"\."Case"/.test(query.text))
    expect(list).toHaveLength(1)
    const [query] = list
    if (!query) return
    const plan = await explainPlan(db.sql, query)
    const nodes = planNodes(plan)
    const described = nodes
      .map((node) =>
        [
          shape(node),
          node['Index Cond'] && `  Index Cond: ${node['Index Cond']}`,
          node.Filter && `  Filter: ${node.Filter}`,
        ]
          .filter(Boolean)
          .join('\n'),
      )
      .join('\n')
    expect(nodes.map(shape), `the plan of ${query.text}:\n${described}`).toEqual([
      'Limit',
      `Index Scan using ${INDEX} on Case`,
    ])
    const scan = nodes[1]
    expect(scan?.['Index Cond']).toContain('"organizationId" =')
    expect(scan?.['Index Cond']).toContain('"reporterUserId" =')
    if (cursor) expect(scan?.['Index Cond'], 'the cursor bounds the index range').toMatch(/"createdAt" </)
  })
})
