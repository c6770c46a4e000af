import { createDb, migrate, migrationsDir } from '@kundnav/db'
import { generateCases, myCasesCursor } from '@kundnav/db/testing'
import { createPostgresDatabase } from '@kundnav/db/testing/postgres'
import { benchCaller, cleanUpOnInterrupt, type Row, say } from './support.ts'

const SIZES = { organizations: 10_000, cases: 1_000_000, onePersonCases: 200_000 }
const PAGE = 20
const REPEATS = 25

/**
 * Median milliseconds of each of `runs`, measured in alternating rounds (one warm-up first), so a machine
 * busy with something else for a while slows every page alike.
 */
async function medians(runs: (() => Promise<unknown>)[]): Promise<number[]> {
  const times = runs.map(() => [] as number[])
  for (const run of runs) await run()
  for (let round = 0; round < REPEATS; round++) {
    for (const [index, run] of runs.entries()) {
      const started = performance.now()
      await run()
      times[index]?.push(performance.now() - started)
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN)
}

/**
 * P7: "Mina ärenden" at issue 12's scale, on PostgreSQL in a database of its own: 1,000,000 cases in 10,000
 * organisations, 200,000 of them one person's (generateCases). The person's page 10,000 of 20 (their last)
 * and page 5,000 (the middle), each against their first page: `case.list` as "Mina ärenden" calls it,
 * through tRPC's server-side caller as the person, the deeper pages with the cursor the page before would
 * have handed out. Median of 25 each, in alternating rounds; keyset pagination should keep the ratios flat (≈ 1).
 */
export async function measureCasePages(databaseUrl: string): Promise<Row[]> {
  const database = await createPostgresDatabase(databaseUrl, { prefix: 'kundnav_bench_cases' })
  const db = await createDb({ databaseUrl: database.url, poolSize: 2 })
  const close = cleanUpOnInterrupt(async () => {
    await db.close()
    await database.drop()
  })
  try {
    await migrate(db.sql, migrationsDir)
    say(`P7: generating ${SIZES.cases.toLocaleString('en')} cases`)
    const volume = await generateCases(db.sql, { ...SIZES, log: (message) => say(`P7: ${message}`) })
    const caller = benchCaller(db, {
      userId: volume.userId,
      name: 'Vera Volym',
      organizationId: volume.organizationId,
      organizationType: 'CUSTOMER',
      role: 'ORDERER',
    })
    const lastPage = SIZES.onePersonCases / PAGE
    const pages = [1, lastPage, lastPage / 2]
    const calls = await Promise.all(
      pages.map(async (page) => {
        const cursor = await myCasesCursor(db.sql, volume, page, PAGE)
        const input = { limit: PAGE, ...(cursor ? { cursor } : {}) }
        const { rows } = await caller.case.list(input)
        if (rows.length !== PAGE) throw new Error(`page ${page} has ${rows.length} cases`)
        return () => caller.case.list(input)
      }),
    )
    const [first = Number.NaN, last = Number.NaN, middle = Number.NaN] = await medians(calls)
    const at = `${SIZES.onePersonCases.toLocaleString('en')} of ${SIZES.cases.toLocaleString('en')} cases, PostgreSQL`
    const row = (page: number, ms: number): Row => ({
      row: `P7 Mina ärenden: page ${page.toLocaleString('en')} vs page 1 (${at})`,
      figure: `${ms.toFixed(2)} ms`,
      baseline: `${first.toFixed(2)} ms page 1`,
      ratio: (ms / first).toFixed(2),
      target: '— (flat: ≈ 1)',
      met: '—',
    })
    return [row(lastPage, last), row(lastPage / 2, middle)]
  } finally {
    await close()
  }
}
