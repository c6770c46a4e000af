/**
 * `pnpm bench`: Kundnav's performance report. One run measures every figure beside its baseline (measured
 * in the same run) and the target from the performance issue, and prints them as one table. It informs:
 * it exits 0 whatever the figures (tests never assert on wall time, and CI does not run it).
 *
 * Environment (read here only):
 *   DATABASE_URL        PostgreSQL server for P1–P3, P7 and the reset timing; each creates and drops a database
 *                       of its own next to it. Without it P1 and P7 are skipped (they say so) and the rest use
 *                       PGlite.
 *   BENCH_AUDIT_EVENTS  audit events in the organisation for P1–P3 (100000)
 *   BENCH_P1_SECONDS    length of one P1 load run per side (5); BENCH_P1_ROUNDS alternating rounds (3)
 *   BENCH_RESET_REQUESTS requests of each kind for the reset timing (200)
 *   BENCH_ONLY          comma-separated rows to run (P1,P2,P3,P4,P5,P6,P7,RESET), for a short run while developing
 *   BENCH_PROFILE_DIR   where P1's portal writes a CPU profile (node --cpu-prof), for finding where time goes
 *   BENCH_LIGHTHOUSE_DIR where P6 writes each page's whole Lighthouse report (JSON)
 *   CHROME_PATH         the Chromium Lighthouse drives (/usr/bin/chromium)
 */
import { spawnSync } from 'node:child_process'
import { repoRoot } from '@kundnav/db'
import { type BenchData, createBenchData } from './audit-data.ts'
import { measureCasePages } from './case-pages.ts'
import { measureListEndpoint } from './list-endpoint.ts'
import { measurePagination } from './pagination.ts'
import { measurePrismaVsDriver } from './prisma-vs-driver.ts'
import { measureResetTiming } from './reset-timing.ts'
import { measureFirstPageJs, measureStartAndPages } from './start-up-and-pages.ts'
import { errorText, type Row, say, stopEverythingOnInterrupt, unmeasured } from './support.ts'

const options = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  auditEvents: Number(process.env.BENCH_AUDIT_EVENTS ?? 100_000),
  p1Seconds: Number(process.env.BENCH_P1_SECONDS ?? 5),
  p1Rounds: Number(process.env.BENCH_P1_ROUNDS ?? 3),
  resetRequests: Number(process.env.BENCH_RESET_REQUESTS ?? 200),
  only: process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.toUpperCase().split(',')) : null,
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
}
const runs = (row: string) => !options.only || options.only.has(row)

/** Runs `measure`; when it throws, `fallback` rows say what failed instead of the figures. */
async function attempt(
  fallback: { row: string; target: string }[],
  measure: () => Promise<Row[]>,
): Promise<Row[]> {
  try {
    return await measure()
  } catch (error) {
    say(`${fallback[0]?.row}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return fallback.map(({ row, target }) => unmeasured(row, `failed: ${errorText(error)}`, target))
  }
}

stopEverythingOnInterrupt()
const rows: Row[] = []
const started = performance.now()

if (runs('P4') || runs('P5') || runs('P6')) {
  // As `pnpm start` builds it (turbo, so nothing is rebuilt when nothing changed): P4 reads this build.
  say('building the web app (turbo run build --filter=@kundnav/web)')
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@kundnav/web', '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  if (build.status !== 0) say('the web build failed: P4–P6 will say so')
}
if (runs('P4')) rows.push(...(await measureFirstPageJs()))
if (runs('P5') || runs('P6')) rows.push(...(await measureStartAndPages(options.chromePath)))

if (runs('P1') || runs('P2') || runs('P3')) {
  let data: BenchData | null = null
  try {
    say(`creating ${options.auditEvents} audit events on ${options.databaseUrl ? 'PostgreSQL' : 'PGlite'}`)
    data = await createBenchData(options.databaseUrl, options.auditEvents)
  } catch (error) {
    say(`the bench data could not be made: ${error instanceof Error ? error.stack : String(error)}`)
    rows.push(unmeasured('P1–P3', `failed: the bench data could not be made: ${errorText(error)}`))
  }
  if (data) {
    const bench = data
    try {
      if (runs('P2')) {
        say('P2: Prisma findMany against the driver')
        rows.push(
          ...(await attempt([{ row: 'P2 Prisma findMany vs driver', target: '≤ 1.3' }], () =>
            measurePrismaVsDriver(bench),
          )),
        )
      }
      if (runs('P3')) {
        say('P3: keyset pagination')
        rows.push(
          ...(await attempt([{ row: 'P3 keyset pagination', target: '—' }], () => measurePagination(bench))),
        )
      }
      if (runs('P1')) {
        const fallback = [
          { row: 'P1 audit.list end to end, requests/s ratio', target: '≥ 0.4' },
          { row: 'P1 audit.list end to end, p99 ratio', target: '≤ 3' },
        ]
        if (!bench.url) {
          rows.push(
            ...fallback.map(({ row, target }) =>
              unmeasured(row, 'not measured: needs DATABASE_URL (PostgreSQL)', target),
            ),
          )
        } else {
          rows.push(
            ...(await attempt(fallback, () =>
              measureListEndpoint(bench, { seconds: options.p1Seconds, rounds: options.p1Rounds }),
            )),
          )
        }
      }
    } finally {
      await bench.close()
    }
  }
}

if (runs('P7')) {
  const fallback = [
    { row: 'P7 Mina ärenden: page 10,000 vs page 1', target: '— (flat: ≈ 1)' },
    { row: 'P7 Mina ärenden: page 5,000 vs page 1', target: '— (flat: ≈ 1)' },
  ]
  const databaseUrl = options.databaseUrl
  if (!databaseUrl) {
    rows.push(
      ...fallback.map(({ row, target }) =>
        unmeasured(row, 'not measured: needs DATABASE_URL (PostgreSQL)', target),
      ),
    )
  } else {
    say('P7: "Mina ärenden" at 1,000,000 cases')
    rows.push(...(await attempt(fallback, () => measureCasePages(databaseUrl))))
  }
}

if (runs('RESET')) {
  say('reset timing')
  rows.push(
    ...(await attempt([{ row: 'Reset timing', target: '1.00 ± 0.20' }], () =>
      measureResetTiming(options.databaseUrl, options.resetRequests),
    )),
  )
}

/** Rows in the report's order (P1 first), whatever order they were measured in. */
const order = (row: Row) => {
  const index = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'Reset'].findIndex((prefix) =>
    row.row.startsWith(prefix),
  )
  return index < 0 ? 99 : index
}
rows.sort((a, b) => order(a) - order(b))

const columns = ['row', 'figure', 'baseline', 'ratio', 'target', 'met'] as const
const header: Record<(typeof columns)[number], string> = {
  row: 'row',
  figure: 'figure',
  baseline: 'baseline',
  ratio: 'ratio',
  target: 'target',
  met: 'met?',
}
const widths = columns.map((column) => Math.max(...[header, ...rows].map((row) => row[column].length)))
const line = (row: Record<(typeof columns)[number], string>) =>
  `| ${columns.map((column, index) => row[column].padEnd(widths[index] ?? 0)).join(' | ')} |`
const engine = options.databaseUrl ? 'PostgreSQL' : 'PGlite (no DATABASE_URL)'
console.log(
  `\nKundnav performance report — ${new Date().toISOString()}, ${engine}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
)
console.log(line(header))
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
for (const row of rows) console.log(line(row))
console.log('\nRatios: figure / baseline. The report informs; it exits 0 whatever the figures.')
process.exit(0)
