import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from './generated/prisma/client.ts'
import type { SqlRunner } from './sql-runner.ts'

export type DbEngine = 'postgresql' | 'pglite'

export interface Db {
  prisma: PrismaClient
  engine: DbEngine
  /** Runs raw, multi-statement SQL outside Prisma (the migrator needs this). */
  sql: SqlRunner
  /** The embedded database itself, when on PGlite (tests dump and load it). */
  pglite: PGlite | null
  close(): Promise<void>
}

export interface CreateDbOptions {
  /** A PostgreSQL connection string. When absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined
  /** Where PGlite keeps its files; omitted means in memory. */
  pgliteDir?: string | undefined
  /** A PGlite data directory dump to start from (tests load a migrated template this way). */
  pgliteLoad?: Blob | undefined
  /** Upper bound of pooled PostgreSQL connections. */
  poolSize?: number | undefined
}

/** A Prisma client on PostgreSQL when `databaseUrl` is given, else on the embedded PGlite. */
export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return createPostgresDb(options.databaseUrl, options.poolSize ?? 10)
  return createPgliteDb(options.pgliteDir, options.pgliteLoad)
}

async function createPostgresDb(connectionString: string, max: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max })
  // An idle connection the server ended (a restart, a failover, a dropped test database) is reported here;
  // without a listener it would crash the process. The pool opens a new connection on next use.
  pool.on('error', () => {})
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    // A burst (a hundred identical requests at once) queues for the pool's connections; Prisma's default
    // of 2 s to start a transaction would turn the tail of such a queue into server errors.
    transactionOptions: { maxWait: 10_000 },
  })
  const sql: SqlRunner = {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params)
      return result.rows as T[]
    },
    async withConnection(work) {
      const client = await pool.connect()
      try {
        return await work({
          async query<T>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as T[]
          },
          async exec(text: string) {
            await client.query(text)
          },
        })
      } finally {
        client.release()
      }
    },
  }
  return {
    prisma,
    engine: 'postgresql',
    sql,
    pglite: null,
    async close() {
      await prisma.$disconnect()
      await pool.end().catch(() => {})
    },
  }
}

async function createPgliteDb(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {})
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) })
  const connection = {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows
    },
    async exec(text: string) {
      await client.exec(text)
    },
  }
  return {
    prisma,
    engine: 'pglite',
    pglite: client,
    sql: {
      query: connection.query,
      // PGlite is a single connection already; serialise through its own lock.
      withConnection: (work) => work(connection),
      // PGlite learns array types (e.g. "Role"[]) when it opens; types created later must be reloaded.
      afterSchemaChange: () => client.refreshArrayTypes(),
    },
    async close() {
      await prisma.$disconnect()
      if (!client.closed) await client.close()
    },
  }
}
