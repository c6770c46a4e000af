import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '../generated/prisma/client.ts'
import type { SqlRunner } from '../sql-runner.ts'

/**
 * Whether this run is on PostgreSQL (DATABASE_URL set: CI's second pass). Tests of PostgreSQL itself — query
 * plans, row locks under real concurrency — are declared with `describe.runIf(onPostgres)`, so the PGlite
 * pass lists them as skipped rather than leaving them out silently.
 */
export const onPostgres: boolean = Boolean(process.env.DATABASE_URL)

/** One statement as Prisma sent it: its SQL and its parameters as Prisma logs them. */
export interface CapturedQuery {
  text: string
  params: unknown[]
}

/**
 * The SQL Prisma sends while `work` runs: `work` gets a Prisma client of its own on `databaseUrl`
 * (PostgreSQL) with query logging on. Parameters come as Prisma logs them (dates as ISO strings, numbers
 * possibly as strings), which PostgreSQL casts to their placeholders' types.
 */
export async function captureQueries(
  databaseUrl: string,
  work: (prisma: PrismaClient) => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] })
  const queries: CapturedQuery[] = []
  prisma.$on('query', (event) => {
    queries.push({ text: event.query, params: JSON.parse(event.params) as unknown[] })
  })
  try {
    await work(prisma)
  } finally {
    await prisma.$disconnect()
    await pool.end()
  }
  return queries
}

/** A node of PostgreSQL's JSON plan (the fields the tests read; there are more). */
export interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Index Cond'?: string
  Filter?: string
  'Plan Rows'?: number
  Plans?: PlanNode[]
  [field: string]: unknown
}

/** The plan PostgreSQL makes for `query` with its parameters (EXPLAIN (FORMAT JSON), not run). */
export async function explainPlan(sql: SqlRunner, query: CapturedQuery): Promise<PlanNode> {
  const [row] = await sql.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
    `EXPLAIN (FORMAT JSON) ${query.text}`,
    query.params,
  )
  const plan = row?.['QUERY PLAN'][0]?.Plan
  if (!plan) throw new Error(`no plan for ${query.text}`)
  return plan
}

/** Every node of `plan`, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)]
}
