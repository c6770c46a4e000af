import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The environment variable through which the global setup hands the server's address to the tests. */
export const BASE_URL_ENV = 'KUNDNAV_E2E_BASE_URL'

const webDir = fileURLToPath(new URL('../../', import.meta.url))
const serverDir = join(webDir, '../server')
// E2E_STATIC_DIR: a build elsewhere (`vite build --outDir …`), so two people can test their own builds side by side.
const staticDir = process.env.E2E_STATIC_DIR ?? join(webDir, 'dist')

const STARTUP_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 15_000

export interface RunningServer {
  baseUrl: string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port assigned')),
      )
    })
  })
}

/** The last `limit` characters a stream wrote, for error messages. */
function tail(limit = 20_000) {
  let text = ''
  return {
    push(chunk: Buffer) {
      text = (text + chunk.toString('utf8')).slice(-limit)
    },
    get text() {
      return text.trim()
    },
  }
}

/** A fresh PostgreSQL database next to DATABASE_URL's, when the run has one; PGlite in DATA_DIR otherwise. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const baseUrl = process.env.DATABASE_URL
  if (!baseUrl) return null
  const { createPostgresDatabase } = await import('@kundnav/db/testing/postgres')
  try {
    return await createPostgresDatabase(baseUrl, { prefix: 'kundnav_e2e' })
  } catch (error) {
    const shown = new URL(baseUrl)
    if (shown.password) shown.password = '***'
    throw new Error(
      `Could not create a fresh database for the browser tests next to DATABASE_URL (${shown}): ` +
        `${error instanceof Error ? error.message : String(error)}. Unset DATABASE_URL to run them on PGlite.`,
      { cause: error },
    )
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/**
 * Starts the real server (apps/server) in demo mode on a free port, with an empty database that it
 * migrates and seeds itself, serving the built SPA from apps/web/dist.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${staticDir}/index.html is missing). Build it first: ` +
        '`pnpm --filter @kundnav/web build` (the turbo `test` task does this before running the tests).',
    )
  }
  if (!existsSync(join(serverDir, 'src/main.ts'))) {
    throw new Error(`The server is missing: ${join(serverDir, 'src/main.ts')} does not exist.`)
  }

  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const database = await freshDatabase()
  const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-e2e-'))

  const env: NodeJS.ProcessEnv = { ...process.env }
  // No NODE_ENV: demo mode, so the server seeds demo data into the empty database and keeps the mailbox.
  delete env.NODE_ENV
  delete env.DATABASE_URL
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'warn',
    ...(database ? { DATABASE_URL: database.url } : {}),
  })

  // tsx is the server's own dependency, so it resolves from apps/server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout = tail()
  const stderr = tail()
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk)
    process.stderr.write(chunk)
  })

  async function cleanUp() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const stopped = await Promise.race([
        exited(child).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS).unref()),
      ])
      if (!stopped) {
        child.kill('SIGKILL')
        await exited(child)
      }
    }
    try {
      await database?.drop()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () =>
      [stderr.text && `stderr:\n${stderr.text}`, stdout.text && `stdout:\n${stdout.text}`]
        .filter(Boolean)
        .join('\n\n'),
    )
  } catch (error) {
    await cleanUp()
    throw error
  }
  return { baseUrl, stop: cleanUp }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  let lastProblem = 'no answer yet'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it answered ${url}.\n${output()}`,
      )
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) return
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(
    `The server did not answer ${url} with 200 within ${STARTUP_TIMEOUT_MS / 1000} s ` +
      `(last: ${lastProblem}).\n${output()}`,
  )
}
