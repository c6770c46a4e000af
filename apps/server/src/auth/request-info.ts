import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context as HonoContext } from 'hono'
import { parse } from 'hono/utils/cookie'
import { isLoopbackAddress } from '../http/loopback.ts'

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

/**
 * The TCP peer is this machine, judged on the socket alone: X-Forwarded-For and TRUST_PROXY play no part,
 * since anyone can send the header. Behind a reverse proxy on the same machine every request looks local
 * — which is why the development mailbox also needs demo mode, and production has no such thing.
 */
export function peerIsLoopback(c: HonoContext): boolean {
  try {
    return isLoopbackAddress(getConnInfo(c).remote.address)
  } catch {
    // No socket (a request made in-process): not known to be local.
    return false
  }
}

/** The request's cookies by name (Hono's parser, which also decodes values). */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  return header ? parse(header) : {}
}
