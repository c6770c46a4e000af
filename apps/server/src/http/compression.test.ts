import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { compressAnswers, negotiateEncoding } from './compression.ts'

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=1.0, gzip;q=1.0', 'br'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['deflate', null],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header, ['br', 'gzip'])).toBe(expected)
  })
})

describe('compressAnswers', () => {
  const large = JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Rad ${i}` })) })
  const app = new Hono()
  app.use('*', compressAnswers())
  app.get('/json', (c) => c.json(JSON.parse(large)))
  app.get('/already', (c) =>
    c.body(new Uint8Array([1, 2, 3, ...new Uint8Array(2000)]), 200, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    }),
  )
  app.get('/events', (c) => c.body(large, 200, { 'Content-Type': 'text/event-stream' }))
  app.get('/no-transform', (c) =>
    c.body(large, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-transform' }),
  )
  app.get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }))
  const gzip = { headers: { 'accept-encoding': 'gzip' } }

  it('compresses a large JSON answer once, with Vary and the compressed length', async () => {
    const response = await app.request('/json', gzip)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    const body = Buffer.from(await response.arrayBuffer())
    expect(response.headers.get('content-length')).toBe(String(body.length))
    expect(gunzipSync(body).toString()).toBe(large)
  })

  it('never compresses an answer already encoded, an event stream, no-transform or an image', async () => {
    const already = await app.request('/already', gzip)
    expect(already.headers.get('content-encoding')).toBe('gzip')
    expect(new Uint8Array(await already.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([1, 2, 3]))
    for (const path of ['/events', '/no-transform', '/image']) {
      const response = await app.request(path, gzip)
      expect(response.headers.get('content-encoding'), path).toBeNull()
    }
  })
})
