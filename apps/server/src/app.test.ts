import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { UNREADABLE_REQUEST_MESSAGE } from '@kundnav/api'
import { createOrgWithMembers, type Db, migrationsDir, readMigrations } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { parseEnv } from './env.ts'
import { COMPRESS_THRESHOLD_BYTES } from './http/compression.ts'

const logger = pino({ level: 'silent' })

/** What the Node server hands Hono about the socket (getConnInfo reads it): a request from `address`. */
function fromPeer(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: 'IPv4' } } }
}
const LOOPBACK = fromPeer('127.0.0.1')
const INDEX_HTML = `<!doctype html><html lang="sv"><title>Kundnav</title>${'<!-- padding -->'.repeat(100)}</html>`
const APP_JS = `export const texts = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `Text nummer ${i}`))}\n`
let db: Db
let staticDir: string

beforeAll(async () => {
  db = await createTestDb()
  staticDir = mkdtempSync(join(tmpdir(), 'kundnav-static-'))
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
  // As the build leaves a larger file: brotli and gzip beside it (apps/web/build/precompress.ts).
  for (const [file, text] of [
    ['assets/app-def456.js', APP_JS],
    ['index.html', INDEX_HTML],
  ] as const) {
    writeFileSync(join(staticDir, file), text)
    writeFileSync(join(staticDir, `${file}.br`), brotliCompressSync(text))
    writeFileSync(join(staticDir, `${file}.gz`), gzipSync(text))
  }
})
afterAll(async () => {
  await db.close()
})

function testEnv(demoMode = true) {
  return { ...parseEnv({ DATA_DIR: staticDir, STATIC_DIR: staticDir }), demoMode }
}

function app(demoMode = true) {
  return createApp({ db, env: testEnv(demoMode), logger })
}

describe('server', () => {
  it('reports database reachability and the applied migration on /api/health', async () => {
    const response = await app().request('/api/health')
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ status: 'ok', database: 'reachable', engine: db.engine })
    expect(body.migration).toBe(readMigrations(migrationsDir).at(-1)?.name)
  })

  it('answers 503 on /api/health when the database is gone', async () => {
    const broken = { ...db, sql: { ...db.sql, query: () => Promise.reject(new Error('connection refused')) } }
    const response = await createApp({ db: broken, env: testEnv(), logger }).request('/api/health')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ database: 'unreachable' })
  })

  it('serves hashed assets as immutable and the SPA, for any client route, as always revalidated', async () => {
    const asset = await app().request('/assets/index-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    // A stale asset name from an old release is a 404, never the SPA cached for a year.
    const missing = await app().request('/assets/index-old.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).not.toContain('immutable')

    for (const path of ['/', '/dev/mailbox', '/some/client/route']) {
      const page = await app().request(path)
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('no-cache')
      expect(await page.text()).toContain('<html lang="sv">')
    }
  })

  it('answers unknown API paths with 404 JSON, not the SPA', async () => {
    const response = await app().request('/api/nope')
    expect(response.status).toBe(404)
  })

  it('serves public tRPC queries', async () => {
    const response = await app().request('/api/trpc/portal.info')
    expect(response.status).toBe(200)
    expect((await response.json()).result.data).toMatchObject({ demoMode: true })
  })

  it('refuses tRPC mutations from other sites or without the SPA header', async () => {
    const crossSite = await app().request('/api/trpc/portal.info', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', 'x-kundnav-csrf': '1' },
    })
    expect(crossSite.status).toBe(403)
    const noHeader = await app().request('/api/trpc/portal.info', { method: 'POST' })
    expect(noHeader.status).toBe(403)
    const otherOrigin = await app().request('http://localhost:3000/api/trpc/session.keepAlive', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'x-kundnav-csrf': '1' },
    })
    expect(otherOrigin.status).toBe(403)
    // Our own page, same origin: let through to tRPC (which then asks for sign-in).
    const ownPage = await app().request('http://localhost:3000/api/trpc/session.keepAlive', {
      method: 'POST',
      headers: {
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
        'x-kundnav-csrf': '1',
        'content-type': 'application/json',
      },
    })
    expect(ownPage.status).toBe(401)
  })

  it('has no development mailbox outside demo mode', async () => {
    const input = encodeURIComponent(JSON.stringify({}))
    const demo = await app(true).request(`/api/trpc/devMailbox.list?input=${input}`, {}, LOOPBACK)
    expect(demo.status).toBe(200)
    const production = await app(false).request(`/api/trpc/devMailbox.list?input=${input}`, {}, LOOPBACK)
    expect(production.status).toBe(404)
  })

  it('answers the development mailbox to callers on this machine only, whatever X-Forwarded-For says', async () => {
    const path = `/api/trpc/devMailbox.list?input=${encodeURIComponent(JSON.stringify({}))}`
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      const response = await app().request(path, {}, fromPeer(address))
      expect(response.status, address).toBe(200)
    }
    const forged = { headers: { 'x-forwarded-for': '127.0.0.1' } }
    const trusting = createApp({ db, env: { ...testEnv(), trustProxy: true }, logger })
    for (const target of [app(), trusting]) {
      for (const address of ['192.0.2.7', '::ffff:10.0.0.1', 'fd00::2']) {
        const response = await target.request(path, forged, fromPeer(address))
        expect(response.status, address).toBe(403)
      }
    }
    // No socket at all (an in-process call): not known to be local, so refused.
    expect((await app().request(path, forged)).status).toBe(403)
  })

  it('answers in development mode only under its own names, so a rebinding page gets nothing', async () => {
    const path = `/api/trpc/devMailbox.list?input=${encodeURIComponent(JSON.stringify({}))}`
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
      expect((await app().request(`http://${host}${path}`, {}, LOOPBACK)).status, host).toBe(200)
    }
    // A name the attacker's DNS points at 127.0.0.1: the request comes from this machine, yet is refused.
    for (const target of [path, '/', '/api/health']) {
      const response = await app().request(`http://evil.example:3000${target}`, {}, LOOPBACK)
      expect(response.status, target).toBe(403)
      expect(await response.text()).not.toContain('mottagare')
    }
    // An absolute-form request line naming localhost does not excuse a foreign Host header.
    const smuggled = await app().request(
      `http://localhost:3000${path}`,
      { headers: { host: 'evil.example:3000' } },
      LOOPBACK,
    )
    expect(smuggled.status).toBe(403)
    expect(await smuggled.text()).toContain('answers only at localhost.')
    // PUBLIC_URL names the portal: its host is one of them.
    const named = createApp({
      db,
      env: { ...testEnv(), auth: { ...testEnv().auth, publicUrl: 'http://kundnav.lan:3000' } },
      logger,
    })
    expect((await named.request(`http://kundnav.lan:3000${path}`, {}, LOOPBACK)).status).toBe(200)
    // Production is reached under whatever name its proxy uses.
    expect((await app(false).request('http://portal.example.se/api/health')).status).toBe(200)
  })
})

/** A log that keeps its lines, to see what the server logged. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = []
  const recorder = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) })
  return { logger: recorder, lines }
}

/** A database whose every Prisma call fails with a message that must never reach a client. */
function brokenDb(): Db {
  const fail = (): never => {
    throw new Error('connection to db-7.internal:5432 refused for user kundnav_owner')
  }
  const thrower: unknown = new Proxy(fail, {
    get: (_target, property) => (property === 'then' ? undefined : thrower),
    apply: fail,
  })
  return { ...db, prisma: thrower as Db['prisma'] }
}

const STACK_FRAME = /\n\s+at |\bat .*\.(ts|js):\d+/

/**
 * A body of `total` bytes that is produced only as it is read, in 64 KB chunks, so a test can see how
 * much of it the server read. `x` is not JSON: a server that reads it all fails only at the end.
 */
function streamedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x78)
  let produced = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (produced >= total) return controller.close()
        const size = Math.min(chunk.length, total - produced)
        produced += size
        controller.enqueue(chunk.slice(0, size))
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, read: () => produced }
}

const TWENTY_MB = 20 * 1024 * 1024

describe('request limits', () => {
  for (const path of ['/api/trpc/auth.requestPasswordReset', '/api/auth/callback/credentials']) {
    it(`refuses a 20 MB body to ${path} with 413 before reading it, when Content-Length says so`, async () => {
      const body = streamedBody(TWENTY_MB)
      const response = await app().request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-kundnav-csrf': '1',
          'content-length': `${TWENTY_MB}`,
        },
        body: body.stream,
        duplex: 'half',
      } as RequestInit)
      expect(response.status).toBe(413)
      expect(body.read()).toBe(0)
    })

    it(`refuses a streamed 20 MB body to ${path} with 413 once it passes the limit`, async () => {
      const body = streamedBody(TWENTY_MB)
      const response = await app().request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kundnav-csrf': '1' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit)
      expect(response.status).toBe(413)
      expect(await response.json()).toEqual({
        error: expect.stringContaining('larger'),
        requestId: response.headers.get('x-request-id'),
      })
      expect(body.read()).toBeLessThan(512 * 1024)
    })
  }

  it('runs no call of a tRPC batch of more than 10, and all of one of 10', async () => {
    const stamp = Date.now().toString(36)
    const { members } = await createOrgWithMembers(db.prisma, {
      name: `Batchbolaget ${stamp}`,
      members: Array.from({ length: 11 }, (_, i) => ({
        email: `batch-${i}-${stamp}@test.example`,
        roles: [],
      })),
    })
    const users = members.map((m) => m.user)
    const batch = (usernames: string[]) =>
      app().request(`/api/trpc/${usernames.map(() => 'auth.requestPasswordReset').join(',')}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kundnav-csrf': '1' },
        body: JSON.stringify(Object.fromEntries(usernames.map((username, i) => [i, { username }]))),
      })
    const resetsCounted = () =>
      db.prisma.throttleEvent.count({
        where: { scope: 'reset:account', key: { in: users.map((u) => u.id) } },
      })
    const mailsQueued = () =>
      db.prisma.outboxMessage.count({ where: { recipient: { in: users.map((u) => u.email) } } })

    const tooMany = await batch(users.map((u) => u.username))
    expect(tooMany.status).toBe(400)
    expect(JSON.stringify(await tooMany.json())).toContain(UNREADABLE_REQUEST_MESSAGE)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await resetsCounted()).toBe(0)
    expect(await mailsQueued()).toBe(0)

    const queries = await app().request(`/api/trpc/${Array(11).fill('portal.info').join(',')}?batch=1`)
    expect(queries.status).toBe(400)

    const ten = await batch(users.slice(0, 10).map((u) => u.username))
    expect(ten.status).toBe(200)
    expect(await ten.json()).toHaveLength(10)
    // Each call ran: each counted a reset request for its person.
    expect(await resetsCounted()).toBe(10)
  })

  it('keeps answering /api/health while large bodies arrive', async () => {
    // Two megabytes of nested arrays: parsing and validating them once kept the event loop busy for seconds.
    const depth = 1_000_000
    const nested = `{"json":${'['.repeat(depth)}${']'.repeat(depth)}}`
    const target = app()
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const big = Array.from({ length: 3 }, () =>
      target.request('/api/trpc/auth.requestPasswordReset', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-kundnav-csrf': '1',
          'content-length': `${Buffer.byteLength(nested)}`,
        },
        body: nested,
      }),
    )
    const started = performance.now()
    const health = await target.request('/api/health')
    const healthMs = performance.now() - started
    const statuses = (await Promise.all(big)).map((r) => r.status)
    delay.disable()
    expect(health.status).toBe(200)
    expect(healthMs).toBeLessThan(1_000)
    expect(delay.max / 1e6).toBeLessThan(500)
    expect(statuses).toEqual([413, 413, 413])
  })
})

describe('request ids', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

  it('gives every request an id of its own, echoed as X-Request-Id, never the one the client sent', async () => {
    const first = await app().request('/api/health', { headers: { 'x-request-id': 'chosen-by-client' } })
    const second = await app().request('/api/trpc/portal.info')
    const page = await app().request('/')
    const ids = [first, second, page].map((r) => r.headers.get('x-request-id'))
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(3)
  })

  it('logs the request id with the request line', async () => {
    const { logger: recorder, lines } = recordingLogger()
    const response = await createApp({ db, env: testEnv(), logger: recorder }).request(
      '/api/trpc/portal.info',
    )
    const requestLine = lines.find((line) => line.msg === 'request')
    expect(requestLine).toMatchObject({ requestId: response.headers.get('x-request-id'), status: 200 })
  })
})

describe('unexpected errors', () => {
  it('answers a failing tRPC call with a generic message and the request id: no stack, no database message', async () => {
    const { logger: recorder, lines } = recordingLogger()
    const target = createApp({ db: brokenDb(), env: testEnv(), logger: recorder })
    const response = await target.request('/api/trpc/portal.info')
    expect(response.status).toBe(500)
    const id = response.headers.get('x-request-id')
    const text = await response.text()
    expect(text).not.toContain('db-7.internal')
    expect(text).not.toMatch(STACK_FRAME)
    expect(JSON.parse(text).error.data).toMatchObject({ requestId: id })
    expect(lines.find((line) => line.msg === 'trpc error')).toMatchObject({ requestId: id })
  })

  it('answers anything else that throws with a generic JSON 500 and the request id: no stack, no message', async () => {
    const { logger: recorder, lines } = recordingLogger()
    const target = createApp({ db, env: testEnv(), logger: recorder })
    target.post('/boom', () => {
      throw new Error('password for kundnav_owner is hunter2')
    })
    const response = await target.request('/boom', { method: 'POST' })
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toContain('application/json')
    const id = response.headers.get('x-request-id')
    const text = await response.text()
    expect(text).not.toContain('hunter2')
    expect(text).not.toMatch(STACK_FRAME)
    expect(JSON.parse(text)).toEqual({ error: expect.any(String), requestId: id })
    expect(lines.find((line) => line.msg === 'unexpected error')).toMatchObject({ requestId: id })
    // Errors get the security headers too.
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('never lets Auth.js answer with a stack or a database message, for odd input or a failing database', async () => {
    for (const target of [app(), createApp({ db: brokenDb(), env: testEnv(), logger })]) {
      const csrf = await target.request('http://localhost:3000/api/auth/csrf')
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      const { csrfToken } = await csrf.json()
      for (const username of ['anna\u0000@norrby.example', 'anna@norrby.example']) {
        const response = await target.request('http://localhost:3000/api/auth/callback/credentials', {
          method: 'POST',
          headers: {
            cookie,
            'content-type': 'application/x-www-form-urlencoded',
            'x-auth-return-redirect': '1',
          },
          body: new URLSearchParams({
            username,
            password: 'ett långt lösenord',
            csrfToken,
            callbackUrl: '/',
          }),
        })
        expect(response.status).toBeLessThan(500)
        const text = await response.text()
        expect(text).not.toMatch(STACK_FRAME)
        expect(text).not.toMatch(/db-7\.internal|invalid byte sequence|0x00|prisma/i)
        expect(new URL(JSON.parse(text).url).searchParams.get('error')).toBeTruthy()
      }
    }
  })
})

const CSP =
  "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'"

describe('security headers', () => {
  const answers: [string, string, RequestInit?][] = [
    ['API: health', '/api/health'],
    ['API: tRPC', '/api/trpc/portal.info'],
    ['API: tRPC error', '/api/trpc/nope.nothing'],
    ['API: Auth.js', '/api/auth/csrf'],
    ['API: unknown path', '/api/nope'],
    [
      'API: too large',
      '/api/trpc/auth.requestPasswordReset',
      { method: 'POST', headers: { 'content-length': `${TWENTY_MB}` }, body: 'x' },
    ],
    ['SPA html', '/'],
    ['SPA client route', '/medlemmar'],
    ['asset', '/assets/index-abc123.js'],
    ['missing asset', '/assets/index-old.js'],
    ['no route', '/nowhere', { method: 'DELETE' }],
  ]

  it('sends the CSP, nosniff, no referrer, no framing and a Permissions-Policy on every answer', async () => {
    for (const [what, path, init] of answers) {
      const { headers } = await app().request(path, init)
      expect(headers.get('content-security-policy'), what).toBe(CSP)
      expect(headers.get('x-content-type-options'), what).toBe('nosniff')
      expect(headers.get('referrer-policy'), what).toBe('no-referrer')
      expect(headers.get('x-frame-options'), what).toBe('DENY')
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) {
        expect(headers.get('permissions-policy'), what).toContain(`${feature}=()`)
      }
      expect(headers.get('strict-transport-security'), what).toBeNull()
    }
  })

  it('sends Strict-Transport-Security only when PUBLIC_URL is https', async () => {
    const https = createApp({
      db,
      env: parseEnv({ DATA_DIR: staticDir, STATIC_DIR: staticDir, PUBLIC_URL: 'https://portal.example.se' }),
      logger,
    })
    for (const path of ['/api/health', '/', '/assets/index-abc123.js']) {
      const response = await https.request(path)
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{7,}/)
    }
    expect((await app().request('/')).headers.get('strict-transport-security')).toBeNull()
  })

  it('keeps no tRPC or Auth.js answer in any cache', async () => {
    for (const path of [
      '/api/trpc/portal.info',
      '/api/trpc/session.get',
      '/api/auth/csrf',
      '/api/auth/session',
    ]) {
      const response = await app().request(path)
      expect(response.headers.get('cache-control'), path).toBe('no-store')
    }
    const refused = await app().request('/api/trpc/session.keepAlive', {
      method: 'POST',
      headers: { 'x-kundnav-csrf': '1', 'content-type': 'application/json' },
    })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('cache-control')).toBe('no-store')
  })
})

describe('compression', () => {
  const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())
  const vary = (response: Response) => response.headers.get('vary')?.toLowerCase() ?? ''

  it('sends an asset brotli-compressed to a client that accepts br, with Vary and its own type', async () => {
    const response = await app().request('/assets/app-def456.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(vary(response)).toContain('accept-encoding')
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(response.headers.get('cache-control')).toContain('immutable')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(response.headers.get('x-request-id')).toBeTruthy()
    const body = await bytes(response)
    expect(Number(response.headers.get('content-length'))).toBe(body.length)
    expect(brotliDecompressSync(body).toString()).toBe(APP_JS)
  })

  it('sends gzip where brotli is not accepted, and the file itself without Accept-Encoding', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0, gzip']) {
      const response = await app().request('/assets/app-def456.js', {
        headers: { 'accept-encoding': accept },
      })
      expect(response.headers.get('content-encoding'), accept).toBe('gzip')
      expect(gunzipSync(await bytes(response)).toString(), accept).toBe(APP_JS)
    }
    const plain = await app().request('/assets/app-def456.js')
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(vary(plain)).toContain('accept-encoding')
    expect(plain.headers.get('cache-control')).toContain('immutable')
    expect(await plain.text()).toBe(APP_JS)
  })

  it('sends index.html compressed at / and at every client route; HEAD gets the headers only', async () => {
    for (const path of ['/', '/medlemmar', '/some/client/route']) {
      const response = await app().request(path, { headers: { 'accept-encoding': 'gzip, br' } })
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-encoding'), path).toBe('br')
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/)
      expect(response.headers.get('cache-control'), path).toBe('no-cache')
      expect(vary(response), path).toContain('accept-encoding')
      expect(brotliDecompressSync(await bytes(response)).toString(), path).toBe(INDEX_HTML)
      const plain = await app().request(path)
      expect(plain.headers.get('content-encoding'), path).toBeNull()
      expect(await plain.text(), path).toBe(INDEX_HTML)
    }
    const head = await app().request('/medlemmar', { method: 'HEAD', headers: { 'accept-encoding': 'br' } })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-encoding')).toBe('br')
    expect((await bytes(head)).length).toBe(0)
  })

  it("never serves Vite's manifest or anything else under a dot-directory", async () => {
    mkdirSync(join(staticDir, '.vite'), { recursive: true })
    writeFileSync(join(staticDir, '.vite', 'manifest.json'), '{"index.html":{}}')
    const response = await app().request('/.vite/manifest.json')
    expect(await response.text()).not.toContain('"index.html"')
  })

  /** Each answer names its own request; the rest must be the same whatever the encoding. */
  const withoutRequestIds = (json: string) => json.replaceAll(/"requestId":"[^"]*"/g, '"requestId":"…"')

  it('gzips a large tRPC answer, and leaves small ones, HEAD and clients without Accept-Encoding alone', async () => {
    // Ten refusals to an anonymous caller: over the threshold together, each alone under it.
    const batch = `/api/trpc/${Array(10).fill('member.list').join(',')}?batch=1&input=${encodeURIComponent('{}')}`
    const plain = await app().request(batch)
    const text = await plain.text()
    expect(text.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES)
    expect(plain.headers.get('content-encoding')).toBeNull()

    const gzipped = await app().request(batch, { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.status).toBe(plain.status)
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(vary(gzipped)).toContain('accept-encoding')
    expect(gzipped.headers.get('cache-control')).toBe('no-store')
    expect(gzipped.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const body = await bytes(gzipped)
    expect(Number(gzipped.headers.get('content-length'))).toBe(body.length)
    expect(body.length).toBeLessThan(text.length / 3)
    expect(withoutRequestIds(gunzipSync(body).toString())).toBe(withoutRequestIds(text))

    const brotli = await app().request(batch, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(withoutRequestIds(brotliDecompressSync(await bytes(brotli)).toString())).toBe(
      withoutRequestIds(text),
    )

    const small = await app().request('/api/trpc/portal.info', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect((await small.json()).result.data).toMatchObject({ demoMode: true })

    const head = await app().request(batch, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
    expect(head.headers.get('content-encoding')).toBeNull()
  })

  it('keeps the 413 for a too-large body, with its request id, when the client accepts compression', async () => {
    const response = await app().request('/api/trpc/auth.requestPasswordReset', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kundnav-csrf': '1',
        'content-length': `${TWENTY_MB}`,
        'accept-encoding': 'gzip, br',
      },
      body: 'x',
    })
    expect(response.status).toBe(413)
    expect(response.headers.get('connection')).toBe('close')
    expect(await response.json()).toEqual({
      error: expect.stringContaining('larger'),
      requestId: response.headers.get('x-request-id'),
    })
  })
})
