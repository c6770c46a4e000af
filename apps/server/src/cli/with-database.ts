import { createDb, type Db, MigrationError } from '@kundnav/db'
import { type Env, EnvError, parseEnv } from '../env.ts'

/**
 * How every command-line task runs: the environment parsed as the server parses it, the database it
 * names opened for `task` and closed after, and a bad environment or a failed migration ending the
 * process with its message (exit code 1) instead of a stack trace.
 */
export async function withDatabase(
  task: (db: Db, env: Env) => Promise<void>,
  { poolSize = 1, refuseInProduction }: { poolSize?: number; refuseInProduction?: string } = {},
): Promise<void> {
  try {
    const env = parseEnv()
    if (env.production && refuseInProduction) {
      console.error(refuseInProduction)
      process.exit(1)
    }
    const db = await createDb({ databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize })
    try {
      await task(db, env)
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
}
