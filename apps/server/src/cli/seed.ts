import { syncCatalogue } from '@kundnav/api'
import { migrate, migrationsDir, seedDemo } from '@kundnav/db'
import { printDemoPeople } from '../print-demo-people.ts'
import { withDatabase } from './with-database.ts'

await withDatabase(
  async (db) => {
    await migrate(db.sql, migrationsDir)
    await syncCatalogue(db)
    const result = await seedDemo(db.prisma)
    if (!result.changed) console.log('Demo data was already in place; nothing changed.')
    printDemoPeople(result.people)
  },
  { poolSize: 2, refuseInProduction: 'Demo data is never seeded in production mode (NODE_ENV=production).' },
)
