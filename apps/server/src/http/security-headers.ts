import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The Content-Security-Policy of every answer. The built SPA is one script and one stylesheet from
 * /assets, with no inline script or style (React's `style` props go through the CSSOM, which CSP does not
 * govern), so 'self' is all it needs. Nothing may frame the portal, and forms post only to it.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
}

/** A year, for browsers to reach the portal over HTTPS only once they have seen it there. */
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Security headers on every answer — API, SPA, assets, errors: the CSP above, no MIME sniffing, no
 * referrer (password links carry their token in the URL), no framing, no powerful browser features, and
 * HSTS only when PUBLIC_URL is https: a development server on http://localhost must never ask a browser to
 * insist on HTTPS for that name. An answer that sets a stricter policy of its own (file downloads: sandboxed,
 * nothing allowed) keeps it.
 */
export function securityHeaders({ https }: { https: boolean }): MiddlewareHandler {
  const standard = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: https ? HSTS : false,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    permissionsPolicy: {
      accelerometer: [],
      camera: [],
      displayCapture: [],
      geolocation: [],
      gyroscope: [],
      hid: [],
      magnetometer: [],
      microphone: [],
      midi: [],
      payment: [],
      serial: [],
      usb: [],
    },
  })
  return async (c, next) => {
    let own: string | null = null
    await standard(c, async () => {
      await next()
      own = c.res.headers.get('Content-Security-Policy')
    })
    if (own) c.res.headers.set('Content-Security-Policy', own)
  }
}
