/**
 * `pnpm --filter @kundnav/server cases:generate`: fills the database DATABASE_URL names (migrated first; PGlite
 * in DATA_DIR without it, slowly) with the case volume of issue 12 — 10,000 organisations, 1,000,000 cases,
 * 200,000 of them one person's — to look at "Mina ärenden" at scale. Options: --organizations, --cases,
 * --one-person-cases. The person signs in as `volym.person@volym.example` with the demo password (never in
 * production mode). Refuses a database that has its volume already.
 */
import { parseArgs } from 'node:util'
import { DEMO_PASSWORD, hashPassword, migrate, migrationsDir } from '@kundnav/db'
import { generateCases } from '@kundnav/db/testing'
import { withDatabase } from '../src/cli/with-database.ts'

const { values } = parseArgs({
  options: {
    organizations: { type: 'string', default: '10000' },
    cases: { type: 'string', default: '1000000' },
    'one-person-cases': { type: 'string', default: '200000' },
  },
})

await withDatabase(
  async (db) => {
    await migrate(db.sql, migrationsDir)
    const started = performance.now()
    const volume = await generateCases(db.sql, {
      organizations: Number(values.organizations),
      cases: Number(values.cases),
      onePersonCases: Number(values['one-person-cases']),
      passwordHash: await hashPassword(DEMO_PASSWORD),
      log: (message) => console.error(`[cases:generate] ${message}`),
    })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `${volume.cases.toLocaleString('en')} cases in ${volume.organizations.toLocaleString('en')} organisations ` +
        `(${volume.people.toLocaleString('en')} people) on ${db.engine} in ${seconds} s. ` +
        `${volume.onePersonCases.toLocaleString('en')} are ${volume.username}'s (password: the demo password).`,
    )
  },
  {
    poolSize: 1,
    refuseInProduction: 'Case volume is test data: never generated in production mode (NODE_ENV=production).',
  },
)
