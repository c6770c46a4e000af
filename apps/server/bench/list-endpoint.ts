import { join } from 'node:path'
import autocannon from 'autocannon'
import { type BenchData, captureAuditListSql, DEMO_ADMIN, DEMO_ORGANIZATION } from './audit-data.ts'
import {
  met,
  PortalClient,
  type Row,
  type Started,
  say,
  serverDir,
  startPortal,
  startProcess,
} from './support.ts'

const DEMO_PASSWORD = 'kundnav-demo-2026'
const CONNECTIONS = 20
/** The portal's default DATABASE_POOL_SIZE, given to both sides explicitly. */
const POOL_SIZE = 10

export interface ListEndpointOptions {
  seconds: number
  rounds: number
}

interface Load {
  requestsPerSecond: number
  p99: number
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) {
    throw new Error(
      `${url}: ${failed} of ${result.requests.total} requests failed (non-2xx, errors, timeouts)`,
    )
  }
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99 }
}

/**
 * P1: `audit.list` end to end — the portal started as `pnpm start` starts it, on PostgreSQL, signed in as
 * the demo administrator with a real session cookie, the organisation holding the bench's audit events —
 * against a bare Hono route running the SQL the procedure runs, through a `pg` pool of the same size.
 * `rounds` alternating runs of `seconds` each (after a warm-up), 20 connections; the best of each side.
 */
export async function measureListEndpoint(data: BenchData, options: ListEndpointOptions): Promise<Row[]> {
  if (!data.url) throw new Error('P1 needs PostgreSQL')
  let portal: Started | null = null
  let bare: Started | null = null
  try {
    const env: Record<string, string> = { DATABASE_URL: data.url, DATABASE_POOL_SIZE: String(POOL_SIZE) }
    const profileDir = process.env.BENCH_PROFILE_DIR
    // The portal's CPU profile (written when it stops), for finding where a signed-in request spends its time.
    if (profileDir) {
      env.BENCH_PROFILE_DIR = profileDir
      env.NODE_OPTIONS = `--import ${join(serverDir, 'bench/cpu-profile.mjs')}`
    }
    say('P1: starting the portal (pnpm start) on the bench database')
    portal = await startPortal(env)
    const client = new PortalClient(portal.baseUrl)
    await client.signIn(DEMO_ADMIN, DEMO_PASSWORD, DEMO_ORGANIZATION, 'ADMIN')
    // After signing in, so the page the bare route reads is the page the procedure reads ("Loggade in" on top).
    const statements = await captureAuditListSql(data)
    const listed = await client.trpcQuery<{ items: unknown[] }>('audit.list', {})
    if (listed.items.length !== 50) throw new Error(`audit.list gave ${listed.items.length} items, not 50`)

    bare = await startProcess(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
      cwd: serverDir,
      env: {
        DATABASE_URL: data.url,
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        BENCH_BARE_SQL: JSON.stringify(statements),
      },
      healthPath: '/health',
    })
    const bareItems = ((await (await fetch(`${bare.baseUrl}/audit`)).json()) as { items: unknown[] }).items
    if (bareItems.length !== 50) throw new Error(`the bare route gave ${bareItems.length} items, not 50`)

    const input = encodeURIComponent(JSON.stringify({}))
    const procedure = {
      url: `${portal.baseUrl}/api/trpc/audit.list?input=${input}`,
      headers: client.trpcHeaders(),
    }
    const baseline = { url: `${bare.baseUrl}/audit`, headers: {} }
    say(
      `P1: ${options.rounds} alternating rounds of ${options.seconds} s per side, ${CONNECTIONS} connections`,
    )
    await load(procedure.url, procedure.headers, 2)
    await load(baseline.url, baseline.headers, 2)
    const runs = { procedure: [] as Load[], baseline: [] as Load[] }
    for (let round = 0; round < options.rounds; round++) {
      runs.procedure.push(await load(procedure.url, procedure.headers, options.seconds))
      runs.baseline.push(await load(baseline.url, baseline.headers, options.seconds))
    }
    const best = (side: Load[]) => ({
      requestsPerSecond: Math.max(...side.map((run) => run.requestsPerSecond)),
      p99: Math.min(...side.map((run) => run.p99)),
    })
    const ours = best(runs.procedure)
    const bareBest = best(runs.baseline)
    const rpsRatio = ours.requestsPerSecond / bareBest.requestsPerSecond
    const p99Ratio = ours.p99 / bareBest.p99
    const events = `${(data.events / 1000).toFixed(0)}k events`
    return [
      {
        row: `P1 audit.list end to end, requests/s (${events}, best of ${options.rounds})`,
        figure: `${ours.requestsPerSecond.toFixed(0)}/s`,
        baseline: `${bareBest.requestsPerSecond.toFixed(0)}/s bare Hono + pg`,
        ratio: rpsRatio.toFixed(2),
        target: '≥ 0.4',
        met: met(rpsRatio >= 0.4),
      },
      {
        row: 'P1 audit.list end to end, p99 latency',
        figure: `${ours.p99.toFixed(0)} ms`,
        baseline: `${bareBest.p99.toFixed(0)} ms bare Hono + pg`,
        ratio: p99Ratio.toFixed(2),
        target: '≤ 3',
        met: met(p99Ratio <= 3),
      },
    ]
  } finally {
    await bare?.stop()
    await portal?.stop()
  }
}
