import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createCaller,
  DEFAULT_AUTH_SETTINGS,
  inProcessCaseEvents,
  memoryFileStore,
  type SessionActor,
} from '@kundnav/api'
import { type Db, repoRoot } from '@kundnav/db'

export const serverDir = join(repoRoot, 'apps/server')
export const webDistDir = join(repoRoot, 'apps/web/dist')

/** One line of the report's table. Rows without a target from the issue say "—" for it and for "met?". */
export interface Row {
  row: string
  figure: string
  baseline: string
  ratio: string
  target: string
  met: 'yes' | 'no' | '—'
}

/** A row that could not be measured, saying why in its figure column. */
export function unmeasured(row: string, why: string, target = '—'): Row {
  return { row, figure: why, baseline: '—', ratio: '—', target, met: '—' }
}

export function met(value: boolean): 'yes' | 'no' {
  return value ? 'yes' : 'no'
}

/** The share of sorted `values` at or below which `q` (0–1) of them lie. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN
}

/** Progress for the person waiting: on stderr, so the table on stdout stays clean. */
export function say(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 160) ?? ''
}

/** What must be undone if the report is interrupted: processes in groups of their own, bench databases. */
const pendingCleanUps = new Set<() => Promise<void>>()

/** Registers `cleanUp` until the returned function is called (which runs it, once). */
export function cleanUpOnInterrupt(cleanUp: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null
  const once = () => {
    pendingCleanUps.delete(once)
    done ??= cleanUp()
    return done
  }
  pendingCleanUps.add(once)
  return once
}

/** Ctrl-C reaches only the report: the portals it started run in process groups of their own. */
export function stopEverythingOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping what the report started`)
      void Promise.allSettled([...pendingCleanUps].map((cleanUp) => cleanUp())).then(() => process.exit(130))
    })
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** The last `limit` characters a stream wrote, for error messages. */
function tail(limit = 4_000) {
  let text = ''
  return {
    push: (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-limit)
    },
    get text() {
      return text.trim()
    },
  }
}

export interface Started {
  baseUrl: string
  /** From spawning the command to the first 200 from /api/health (or `healthPath`), in seconds. */
  secondsToHealthy: number
  /** SIGTERM to the process group, as Ctrl-C would reach it; SIGKILL if it has not ended in 15 s. */
  stop(): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `command` in a process group of its own and waits until `healthPath` answers 200. The port and a
 * fresh DATA_DIR are the bench's; `env` adds to (or, with undefined, removes from) the bench's environment.
 */
export async function startProcess(
  command: string,
  args: string[],
  {
    cwd,
    env = {},
    healthPath = '/api/health',
    timeoutMs = 120_000,
  }: { cwd: string; env?: Record<string, string | undefined>; healthPath?: string; timeoutMs?: number },
): Promise<Started> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-bench-'))
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  }
  // Demo mode, as `pnpm start` on a laptop: demo people, no SMTP needed.
  delete childEnv.NODE_ENV
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key]
    else childEnv[key] = value
  }
  const started = performance.now()
  const child = spawn(command, args, {
    cwd,
    env: childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = tail()
  child.stdout?.on('data', output.push)
  child.stderr?.on('data', output.push)
  const { pid } = child
  if (pid === undefined) throw new Error(`could not start ${command}`)
  const group: number = pid

  const stop = cleanUpOnInterrupt(async () => {
    if (groupAlive(group)) process.kill(-group, 'SIGTERM')
    const deadline = Date.now() + 15_000
    while (groupAlive(group) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    if (groupAlive(group)) process.kill(-group, 'SIGKILL')
    await exited(child)
    rmSync(dataDir, { recursive: true, force: true })
  })

  const url = `http://127.0.0.1:${port}${healthPath}`
  const deadline = Date.now() + timeoutMs
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${command} ${args.join(' ')} exited (${child.exitCode ?? child.signalCode}): ${output.text}`,
        )
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
        await response.arrayBuffer()
        if (response.status === 200) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return {
    baseUrl: `http://localhost:${port}`,
    secondsToHealthy: (performance.now() - started) / 1000,
    stop,
  }
}

/** The portal as `pnpm start` starts it (the web build, then the server), from the repository root. */
export function startPortal(env: Record<string, string | undefined> = {}): Promise<Started> {
  return startProcess('pnpm', ['start'], { cwd: repoRoot, env })
}

/** A tiny cookie-keeping client of the portal's HTTP API, signing in as the browser does. */
export class PortalClient {
  readonly cookies = new Map<string, string>()
  pair: string | null = null

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** The headers the SPA sends with every tRPC call. */
  trpcHeaders(): Record<string, string> {
    return {
      cookie: this.cookieHeader(),
      'x-kundnav-csrf': '1',
      'x-kundnav-pair': this.pair ?? 'none',
      'content-type': 'application/json',
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader())
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const index = pair?.indexOf('=') ?? -1
      if (!pair || index < 0) continue
      const value = pair.slice(index + 1)
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie) || value === '')
        this.cookies.delete(pair.slice(0, index))
      else this.cookies.set(pair.slice(0, index), value)
    }
    return response
  }

  async trpcQuery<T>(path: string, input?: unknown): Promise<T> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`
    const response = await this.request(`/api/trpc/${path}${query}`, { headers: this.trpcHeaders() })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`)
    return (JSON.parse(text) as { result: { data: T } }).result.data
  }

  async trpcMutation<T>(path: string, input: unknown): Promise<T> {
    const response = await this.request(`/api/trpc/${path}`, {
      method: 'POST',
      headers: this.trpcHeaders(),
      body: JSON.stringify(input),
    })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`)
    return (JSON.parse(text) as { result: { data: T } }).result.data
  }

  /**
   * Signs in at /api/auth as "Logga in" does (Auth.js's CSRF token, then the credentials callback) and goes
   * on as the pair labelled `pair` ("Administratör hos Region Norrby (demo)" is ADMIN at that organisation).
   */
  async signIn(username: string, password: string, organizationName: string, role: string): Promise<void> {
    const { csrfToken } = (await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string }
    const response = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ username, password, csrfToken, callbackUrl: '/' }),
    })
    const { url } = (await response.json()) as { url: string }
    const error = new URL(url).searchParams.get('error')
    if (error)
      throw new Error(`signing in as ${username} failed: ${error} ${new URL(url).searchParams.get('code')}`)
    const session = await this.trpcQuery<{
      pairs: { organizationId: string; organizationName: string; role: string }[]
    } | null>('session.get')
    const chosen = session?.pairs.find((p) => p.organizationName === organizationName && p.role === role)
    if (!chosen) throw new Error(`${username} has no pair ${role} at ${organizationName}`)
    await this.trpcMutation('session.choose', { organizationId: chosen.organizationId, role })
    this.pair = `${chosen.organizationId}:${role}`
  }
}

/**
 * tRPC's server-side caller as `actor`, with the context the server would build (no HTTP): benches that
 * time a procedure itself, without the network.
 */
export function benchCaller(db: Db, actor: Omit<SessionActor, 'sessionId'>) {
  return createCaller({
    db,
    demoMode: false,
    actor: { sessionId: 'bench', ...actor },
    settings: DEFAULT_AUTH_SETTINGS,
    request: {
      clientAddress: '127.0.0.1',
      fromLoopback: true,
      requestId: 'bench',
      userAgent: null,
      shownPair: null,
      cookies: {},
    },
    resHeaders: null,
    sessionCookie: async () => '',
    files: memoryFileStore(),
    caseEvents: inProcessCaseEvents(),
  })
}
