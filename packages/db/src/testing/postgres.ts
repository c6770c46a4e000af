import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The server-level URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function onAdminConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export interface TestDatabase {
  url: string
  name: string
  drop(): Promise<void>
}

/** Creates an empty database (or a copy of `template`) next to the one `baseUrl` names. */
export async function createPostgresDatabase(
  baseUrl: string,
  { prefix = 'kundnav_test', template }: { prefix?: string; template?: string } = {},
): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  await onAdminConnection(baseUrl, (client) =>
    client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
  )
  return {
    url: withDatabase(baseUrl, name),
    name,
    drop: () =>
      onAdminConnection(baseUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      }),
  }
}
