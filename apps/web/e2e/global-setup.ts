import { BASE_URL_ENV, startServer } from './support/server.ts'

/** Starts the server once for the whole run; the returned function stops it and drops its database. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer()
  process.env[BASE_URL_ENV] = server.baseUrl
  return () => server.stop()
}
