import type { MiddlewareHandler } from 'hono'
import { isLoopbackAddress } from './loopback.ts'

/**
 * In development mode the portal answers only under its own names: `localhost`, a loopback address or
 * `PUBLIC_URL`'s host. A web page elsewhere can make the developer's own browser call the local server
 * under a name of its choosing that resolves to 127.0.0.1 (DNS rebinding); that request arrives from
 * loopback and counts as same-origin, so without this check it could read the development mailbox and
 * take over accounts with their password links. (Vite's dev server guards its `allowedHosts` alike.)
 */
export function developmentHostGuard(publicUrl: string): MiddlewareHandler {
  const publicHost = new URL(publicUrl).hostname
  const allowed = (host: string) => host === publicHost || isLoopbackAddress(host)
  const names = isLoopbackAddress(publicHost) ? 'localhost' : `localhost or ${publicHost}`
  return async (c, next) => {
    // Both the address the request line names and the Host header (they differ in absolute-form requests).
    const hostHeader = c.req.header('host')
    const headerHost = hostHeader === undefined ? null : hostnameOf(hostHeader)
    if (!allowed(new URL(c.req.url).hostname) || (headerHost !== null && !allowed(headerHost))) {
      return c.text(
        `Kundnav in development mode answers only at ${names}. ` +
          'To reach it under another name, set PUBLIC_URL to that address.',
        403,
      )
    }
    await next()
  }
}

/** "localhost:3000" → "localhost", "[::1]:3000" → "[::1]"; anything unparsable names no allowed host. */
function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return ''
  }
}
