import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createDb, createOrgWithMembers, migrate, migrationsDir } from '@kundnav/db'
import { createPostgresDatabase } from '@kundnav/db/testing/postgres'
import pino from 'pino'
import { createApp } from '../src/app.ts'
import { parseEnv } from '../src/env.ts'
import { cleanUpOnInterrupt, quantile, type Row } from './support.ts'

/** How far the ratio may stray from 1.00 and still count as noise (the hardening issue's "1.00 ± noise"). */
const TOLERANCE = 0.2

/**
 * Does "Glömt/skapa nytt lösenord" reveal by its timing whether an account exists? `requests` requests for
 * an existing account and as many for an unknown one, interleaved, through the whole server (Hono, tRPC,
 * the throttle, Prisma); the figure is the p50 of each and their ratio (1.00 is the target: the answer does
 * not wait for the work only an existing account gets). On PostgreSQL in a database of its own when
 * `databaseUrl` is given, else on PGlite.
 */
export async function measureResetTiming(databaseUrl: string | undefined, requests: number): Promise<Row[]> {
  const database = databaseUrl ? await createPostgresDatabase(databaseUrl, { prefix: 'kundnav_bench' }) : null
  const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-bench-'))
  const db = await createDb({ databaseUrl: database?.url, pgliteDir: join(dataDir, 'pglite') })
  const close = cleanUpOnInterrupt(async () => {
    await db.close()
    await database?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  try {
    await migrate(db.sql, migrationsDir)
    const { members } = await createOrgWithMembers(db.prisma, {
      members: [{ email: 'finns@bench.example', roles: ['ORDERER'] }],
    })
    const existing = members[0]?.user.username ?? ''
    const env = parseEnv({
      DATA_DIR: dataDir,
      STATIC_DIR: dataDir,
      RESET_MAX_PER_ACCOUNT: String(requests * 10),
      RESET_MAX_PER_ADDRESS: String(requests * 10),
    })
    const app = createApp({ db, env, logger: pino({ level: 'silent' }) })

    async function timeReset(username: string): Promise<number> {
      const started = performance.now()
      const response = await app.request('/api/trpc/auth.requestPasswordReset', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kundnav-csrf': '1' },
        body: JSON.stringify({ username }),
      })
      await response.text()
      const elapsed = performance.now() - started
      if (response.status !== 200) throw new Error(`reset request answered ${response.status}`)
      return elapsed
    }

    const times = { existing: [] as number[], unknown: [] as number[] }
    for (let index = 0; index < 20; index++) await timeReset(`uppvarmning-${index}@bench.example`)
    for (let index = 0; index < requests; index++) {
      times.existing.push(await timeReset(existing))
      // One unknown name throughout, so both kinds' throttle counters grow alike.
      times.unknown.push(await timeReset('okand@bench.example'))
    }
    const existingP50 = quantile(times.existing, 0.5)
    const unknownP50 = quantile(times.unknown, 0.5)
    const ratio = existingP50 / unknownP50
    return [
      {
        row: `Reset timing: "Glömt lösenord", existing vs unknown account, p50 of ${requests} each (${db.engine})`,
        figure: `${existingP50.toFixed(2)} ms`,
        baseline: `${unknownP50.toFixed(2)} ms unknown account`,
        ratio: ratio.toFixed(2),
        target: `1.00 ± ${TOLERANCE.toFixed(2)}`,
        met: Math.abs(ratio - 1) <= TOLERANCE ? 'yes' : 'no',
      },
    ]
  } finally {
    await close()
  }
}
