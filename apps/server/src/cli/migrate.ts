import { createDb, MigrationError, migrate, migrationsDir } from '@kundnav/db'
import { EnvError, parseEnv } from '../env.ts'

try {
  const env = parseEnv()
  const db = await createDb({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize: 1 })
  try {
    const { applied, warnings } = await migrate(db.sql, migrationsDir)
    for (const warning of warnings) console.warn(warning)
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  } finally {
    await db.close()
  }
} catch (error) {
  if (error instanceof MigrationError || error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
