import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashToken } from '@kundnav/api'
import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { parseEnv } from '../env.ts'

const PASSWORD = 'ett riktigt bra lösenord'
let db: Db
let username: string
let organizationId: string

beforeAll(async () => {
  db = await createTestDb()
  const { organization, members } = await createOrgWithMembers(db.prisma, {
    name: 'Region Test',
    members: [
      { name: 'Anna', email: 'anna@region.example', password: PASSWORD, roles: ['ADMIN', 'ATTESTER'] },
    ],
  })
  username = members[0]?.user.username ?? ''
  organizationId = organization.id
})
afterAll(async () => {
  await db.close()
})

function app(publicUrl = 'http://localhost:3000') {
  const dir = mkdtempSync(join(tmpdir(), 'kundnav-auth-'))
  const env = parseEnv({ DATA_DIR: dir, STATIC_DIR: dir, PUBLIC_URL: publicUrl })
  return { app: createApp({ db, env, logger: pino({ level: 'silent' }) }), origin: publicUrl }
}

/** A tiny browser: keeps cookies between requests. */
function browser(target: ReturnType<typeof app>) {
  const jar = new Map<string, string>()
  const setCookies: string[] = []
  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers)
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await target.app.request(`${target.origin}${path}`, { ...init, headers })
    for (const cookie of response.headers.getSetCookie()) {
      setCookies.push(cookie)
      const [pair] = cookie.split(';')
      const index = pair?.indexOf('=') ?? -1
      if (!pair || index < 0) continue
      const value = pair.slice(index + 1)
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') jar.delete(pair.slice(0, index))
      else jar.set(pair.slice(0, index), value)
    }
    return response
  }
  async function signIn(password: string) {
    const { csrfToken } = await (await request('/api/auth/csrf')).json()
    const response = await request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ username, password, csrfToken, callbackUrl: '/' }),
    })
    return new URL((await response.json()).url)
  }
  async function trpc(path: string, input?: unknown, method: 'GET' | 'POST' = 'GET') {
    const headers = { 'x-kundnav-csrf': '1', 'content-type': 'application/json' }
    const response =
      method === 'GET'
        ? await request(`/api/trpc/${path}`, { headers })
        : await request(`/api/trpc/${path}`, { method, headers, body: JSON.stringify(input) })
    return { status: response.status, body: await response.json() }
  }
  return { request, signIn, trpc, jar, setCookies }
}

describe('sign-in through Auth.js at /api/auth', () => {
  it('signs in with username and password and the session is known to tRPC', async () => {
    const client = browser(app())
    const result = await client.signIn(PASSWORD)
    expect(result.searchParams.get('error')).toBeNull()
    const { body } = await client.trpc('session.get')
    expect(body.result.data.user.username).toBe(username)
    expect(body.result.data.pairs).toHaveLength(2)
  })

  it('sets an HttpOnly, SameSite=Lax session cookie, without Secure over plain HTTP', async () => {
    const client = browser(app())
    await client.signIn(PASSWORD)
    const cookie = client.setCookies.find((c) => c.startsWith('kundnav.session='))
    expect(cookie).toBeDefined()
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
  })

  it('names the cookie __Host- and marks it Secure when served over HTTPS', async () => {
    const client = browser(app('https://portal.example'))
    await client.signIn(PASSWORD)
    const cookie = client.setCookies.find((c) => c.startsWith('__Host-kundnav.session='))
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Domain=/i)
  })

  it('answers a wrong password with the code the sign-in page translates, and no session', async () => {
    const client = browser(app())
    const result = await client.signIn('fel lösenord')
    expect(result.searchParams.get('error')).toBe('CredentialsSignin')
    expect(result.searchParams.get('code')).toBe('INVALID_CREDENTIALS')
    expect((await client.trpc('session.get')).body.result.data).toBeNull()
  })

  it('refuses a forged cookie', async () => {
    const client = browser(app())
    client.jar.set('kundnav.session', 'forged')
    expect((await client.trpc('session.get')).body.result.data).toBeNull()
  })

  it('choosing a pair works across requests, and signing out ends the session row', async () => {
    const client = browser(app())
    await client.signIn(PASSWORD)
    const chosen = await client.trpc('session.choose', { organizationId, role: 'ADMIN' }, 'POST')
    expect(chosen.status).toBe(200)
    expect(client.jar.get('kundnav.pair')).toBe(encodeURIComponent(`${organizationId}:ADMIN`))
    const members = await client.trpc(`member.list?input=${encodeURIComponent(JSON.stringify({}))}`)
    expect(members.status).toBe(200)

    const before = await db.prisma.session.count()
    const { csrfToken } = await (await client.request('/api/auth/csrf')).json()
    await client.request('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ csrfToken }),
    })
    expect(await db.prisma.session.count()).toBe(before - 1)
    expect((await client.trpc('session.get')).body.result.data).toBeNull()
  })

  it('a session ended elsewhere is refused on the very next request even though the cookie is still valid', async () => {
    const client = browser(app())
    await client.signIn(PASSWORD)
    const cookieBefore = client.jar.get('kundnav.session')
    await db.prisma.session.deleteMany({ where: { user: { username } } })
    expect(client.jar.get('kundnav.session')).toBe(cookieBefore)
    const { status } = await client.trpc('session.list')
    expect(status).toBe(401)
  })

  it('a password chosen from a mailed link signs the browser in with the same cookie, which signing out ends', async () => {
    const client = browser(app())
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } })
    const token = 'en-länk-i-ett-mejl-som-är-lång-nog-att-vara-äkta'
    await db.prisma.verificationToken.create({
      data: {
        identifier: `reset:${user.id}`,
        token: hashToken(token),
        expires: new Date(Date.now() + 60_000),
      },
    })

    const saved = await client.trpc('auth.setPassword', { token, password: PASSWORD }, 'POST')
    expect(saved.status).toBe(200)
    expect(JSON.stringify(saved.body)).not.toContain(client.jar.get('kundnav.session'))
    const cookie = client.setCookies.find((c) => c.startsWith('kundnav.session='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    // Anna has two pairs: signed in, none chosen yet.
    const { body } = await client.trpc('session.get')
    expect(body.result.data).toMatchObject({ user: { username }, active: null })

    const { csrfToken } = await (await client.request('/api/auth/csrf')).json()
    await client.request('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ csrfToken }),
    })
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect((await client.trpc('session.get')).body.result.data).toBeNull()
  })
})
