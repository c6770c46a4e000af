import { migrate, migrationsDir } from '@kundnav/db'
import { withDatabase } from './with-database.ts'

await withDatabase(async (db) => {
  const { applied, warnings } = await migrate(db.sql, migrationsDir)
  for (const warning of warnings) console.warn(warning)
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
})
