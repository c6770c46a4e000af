/**
 * Does "Glömt/skapa nytt lösenord" reveal by its timing whether an account exists? 200 requests for an
 * existing account and 200 for unknown ones, interleaved, through the whole server (Hono, tRPC, the
 * throttle, Prisma); the report is the p50 of each and their ratio (1.00 is the target: the answer does
 * not wait for the work only an existing account gets). PGlite by default, PostgreSQL when DATABASE_URL
 * is set (it creates and drops its own database).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createDb, createOrgWithMembers, migrate, migrationsDir } from '@kundnav/db'
import { createPostgresDatabase } from '@kundnav/db/testing/postgres'
import pino from 'pino'
import { createApp } from '../src/app.ts'
import { parseEnv } from '../src/env.ts'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)

const database = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : null
const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-bench-'))
const db = await createDb({ databaseUrl: database?.url, pgliteDir: join(dataDir, 'pglite') })
try {
  await migrate(db.sql, migrationsDir)
  const { members } = await createOrgWithMembers(db.prisma, {
    members: [{ email: 'finns@bench.example', roles: ['ORDERER'] }],
  })
  const existing = members[0]?.user.username ?? ''
  const env = parseEnv({
    DATA_DIR: dataDir,
    STATIC_DIR: dataDir,
    RESET_MAX_PER_ACCOUNT: String(REQUESTS * 10),
    RESET_MAX_PER_ADDRESS: String(REQUESTS * 10),
  })
  const app = createApp({ db, env, logger: pino({ level: 'silent' }) })

  async function timeReset(username: string): Promise<number> {
    const started = performance.now()
    const response = await app.request('/api/trpc/auth.requestPasswordReset', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kundnav-csrf': '1' },
      body: JSON.stringify({ json: { username } }),
    })
    await response.text()
    const elapsed = performance.now() - started
    if (response.status !== 200) throw new Error(`reset request answered ${response.status}`)
    return elapsed
  }

  const times = { existing: [] as number[], unknown: [] as number[] }
  for (let index = 0; index < 20; index++) await timeReset(`uppvarmning-${index}@bench.example`)
  for (let index = 0; index < REQUESTS; index++) {
    times.existing.push(await timeReset(existing))
    // One unknown name throughout, so both kinds' throttle counters grow alike.
    times.unknown.push(await timeReset('okand@bench.example'))
  }
  const p50 = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
  const existingP50 = p50(times.existing)
  const unknownP50 = p50(times.unknown)
  console.log(`engine: ${db.engine}, ${REQUESTS} reset requests of each kind, interleaved`)
  console.log(`  baseline: unknown account   p50 ${unknownP50.toFixed(2)} ms`)
  console.log(`  existing account            p50 ${existingP50.toFixed(2)} ms`)
  console.log(`  ratio existing/unknown = ${(existingP50 / unknownP50).toFixed(3)} (target 1.00 ± noise)`)
} finally {
  await db.close()
  await database?.drop()
}
