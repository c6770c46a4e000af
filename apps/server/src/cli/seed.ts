import { createDb, migrate, migrationsDir, seedDemo } from '@kundnav/db'
import { EnvError, parseEnv } from '../env.ts'
import { printDemoPeople } from '../print-demo-people.ts'

try {
  const env = parseEnv()
  if (env.production) {
    console.error('Demo data is never seeded in production mode (NODE_ENV=production).')
    process.exit(1)
  }
  const db = await createDb({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize: 2 })
  try {
    await migrate(db.sql, migrationsDir)
    const result = await seedDemo(db.prisma)
    if (!result.changed) console.log('Demo data was already in place; nothing changed.')
    printDemoPeople(result.people)
  } finally {
    await db.close()
  }
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
