import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context as HonoContext } from 'hono'
import { parse } from 'hono/utils/cookie'

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

/** The request's cookies by name (Hono's parser, which also decodes values). */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  return header ? parse(header) : {}
}
