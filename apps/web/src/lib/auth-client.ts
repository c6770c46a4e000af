/**
 * Signing in and out goes through Auth.js at /api/auth (apps/server/src/auth/authjs.ts), not tRPC.
 * With `X-Auth-Return-Redirect: 1` Auth.js answers JSON `{ url }` instead of redirecting; a failed
 * sign-in's url carries `error=…&code=…`, the code being what Kundnav's sign-in service threw.
 * After either, the caller resets the query cache: everything in it belonged to the previous person.
 */

export type SignInFailure =
  | { code: 'INVALID_CREDENTIALS' }
  | { code: 'INVALID_INPUT' }
  | { code: 'LOGIN_THROTTLED'; waitSeconds: number }
  /** The server or the network failed; trying again later may help. */
  | { code: 'UNAVAILABLE' }

export type SignInResult = { ok: true } | ({ ok: false } & SignInFailure)

const RETURN_JSON = { 'X-Auth-Return-Redirect': '1' }

async function csrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`GET /api/auth/csrf answered ${response.status}`)
  const body = (await response.json()) as { csrfToken?: unknown }
  if (typeof body.csrfToken !== 'string') throw new Error('GET /api/auth/csrf gave no csrfToken')
  return body.csrfToken
}

async function postForm(path: string, fields: Record<string, string>): Promise<string> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...RETURN_JSON },
    body: new URLSearchParams(fields),
  })
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}`)
  const body = (await response.json()) as { url?: unknown }
  if (typeof body.url !== 'string') throw new Error(`POST ${path} gave no url`)
  return body.url
}

/** What the url Auth.js answered with says about the sign-in. */
export function parseSignInUrl(url: string): SignInResult {
  const params = new URL(url, 'http://localhost').searchParams
  if (!params.has('error')) return { ok: true }
  const [code, wait] = (params.get('code') ?? '').split(':')
  if (code === 'INVALID_CREDENTIALS' || code === 'INVALID_INPUT') return { ok: false, code }
  if (code === 'LOGIN_THROTTLED') {
    const waitSeconds = Number(wait)
    return {
      ok: false,
      code,
      waitSeconds: Number.isFinite(waitSeconds) && waitSeconds > 0 ? waitSeconds : 60,
    }
  }
  return { ok: false, code: 'UNAVAILABLE' }
}

export async function signIn(username: string, password: string): Promise<SignInResult> {
  try {
    const url = await postForm('/api/auth/callback/credentials', {
      username,
      password,
      csrfToken: await csrfToken(),
      callbackUrl: '/',
    })
    return parseSignInUrl(url)
  } catch {
    return { ok: false, code: 'UNAVAILABLE' }
  }
}

/** Ends the session on the server and removes its cookie. Throws when the server can't be reached. */
export async function signOut(): Promise<void> {
  await postForm('/api/auth/signout', { csrfToken: await csrfToken(), callbackUrl: '/logga-in' })
}
