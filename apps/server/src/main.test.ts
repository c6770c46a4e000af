import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// The real server process, as `pnpm start` runs it, on the embedded database in a folder of its own.
const serverDir = fileURLToPath(new URL('..', import.meta.url))
const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-main-'))

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/**
 * Starts the server as `node --import tsx src/main.ts`, or with `viaPnpm` as `pnpm start` in apps/server
 * runs it, in a process group of its own (as a terminal runs a command, so Ctrl-C reaches all of it).
 */
async function start(
  options: { viaPnpm?: boolean } = {},
): Promise<{ child: ChildProcess; base: string; port: number; output: () => string }> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '100',
  }
  // Development mode as `pnpm start` runs it: no HOST, so it listens where it does by default.
  delete env.HOST
  delete env.NODE_ENV
  delete env.DATABASE_URL
  const child = options.viaPnpm
    ? spawn('pnpm', ['start'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: serverDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  const base = `http://127.0.0.1:${port}`
  for (let waited = 0; waited < 60_000; waited += 200) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${text}`)
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { child, base, port, output: () => text }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`the server did not answer within a minute: ${text}`)
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })
}

/** Ctrl-C in a terminal: SIGINT to every process of the command's group. */
function pressCtrlC(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    if (child.pid) process.kill(-child.pid, 'SIGINT')
  })
}

const trpcInput = (json: unknown) => `input=${encodeURIComponent(JSON.stringify(json))}`

/** This machine's addresses that other machines may reach it at (none on a machine without a network). */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && !info.internal && info.family === 'IPv4')
    .map((info) => (info as { address: string }).address)
}

/** Whether a TCP connection to `host`:`port` is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

describe('the server process', () => {
  it('seeds an empty database, stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    const first = await start()
    expect(first.output()).toContain('kundnav-demo-2026')
    // Development mode, with its public demo password, listens on this machine only.
    expect(await accepts('localhost', first.port)).toBe(true)
    for (const address of externalAddresses()) expect(await accepts(address, first.port), address).toBe(false)
    expect(first.output()).toContain('"host":"127.0.0.1"')
    expect(first.output()).not.toContain('DEVELOPMENT MODE IS LISTENING')
    const reset = await fetch(`${first.base}/api/trpc/auth.requestPasswordReset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kundnav-csrf': '1' },
      body: JSON.stringify({ username: 'bertil@norrby.example' }),
    })
    expect(reset.status).toBe(200)
    // The worker delivers it to the development mailbox.
    await expect
      .poll(
        async () => {
          const response = await fetch(
            `${first.base}/api/trpc/devMailbox.list?${trpcInput({ recipient: 'bertil@norrby.example' })}`,
          )
          return (await response.json()).result.data.items.length
        },
        { timeout: 10_000 },
      )
      .toBe(1)
    expect(await stop(first.child)).toBe(0)
    expect(first.output()).toContain('"msg":"stopped"')

    const second = await start()
    // Not seeded again, and what the first run wrote is still there.
    expect(second.output()).not.toContain('kundnav-demo-2026')
    const response = await fetch(
      `${second.base}/api/trpc/devMailbox.list?${trpcInput({ recipient: 'bertil@norrby.example' })}`,
    )
    expect((await response.json()).result.data.items).toHaveLength(1)
    const info = await fetch(`${second.base}/api/trpc/portal.info`)
    expect((await info.json()).result.data.customerCount).toBe(4)
    expect(await stop(second.child, 'SIGINT')).toBe(0)
    expect(second.output()).toContain('"signal":"SIGINT"')
    expect(second.output()).toContain('"msg":"stopped"')
  }, 120_000)

  it('`pnpm start` ends cleanly on Ctrl-C: the server closes and exits 0, and pnpm reports no failure', async () => {
    const server = await start({ viaPnpm: true })
    expect(await pressCtrlC(server.child)).toBe(0)
    expect(server.output()).toContain('"msg":"stopped"')
    expect(server.output()).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed/)
  }, 120_000)
})
