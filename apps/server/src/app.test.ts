import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Db, migrationsDir, readMigrations } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { parseEnv } from './env.ts'

const logger = pino({ level: 'silent' })
let db: Db
let staticDir: string

beforeAll(async () => {
  db = await createTestDb()
  staticDir = mkdtempSync(join(tmpdir(), 'kundnav-static-'))
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="sv"><title>Kundnav</title></html>')
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
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
    expect((await response.json()).result.data.json).toMatchObject({ demoMode: true })
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
    const input = encodeURIComponent(JSON.stringify({ json: {} }))
    const demo = await app(true).request(`/api/trpc/devMailbox.list?input=${input}`)
    expect(demo.status).toBe(200)
    const production = await app(false).request(`/api/trpc/devMailbox.list?input=${input}`)
    expect(production.status).toBe(404)
  })
})
