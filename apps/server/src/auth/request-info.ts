import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context as HonoContext } from 'hono'

/** Set by the server on requests it hands to Auth.js; any such header from outside is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-kundnav-client-address'

/** The client's address: the socket's, or with TRUST_PROXY the first X-Forwarded-For entry. */
export function clientAddress(c: HonoContext, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export function parseCookies(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=')
    if (index < 0) continue
    const name = part.slice(0, index).trim()
    if (name && !(name in cookies)) cookies[name] = part.slice(index + 1).trim()
  }
  return cookies
}
