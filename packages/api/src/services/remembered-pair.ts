import { type Pair, ZPair } from '@kundnav/schemas'
import { REMEMBERED_PAIR_COOKIE, REMEMBERED_PAIR_TTL_S } from '../settings.ts'

/** The pair chosen last on this device, from its cookie (not secret: it only preselects the chooser). */
export function readRememberedPair(cookies: Record<string, string>): Pair | null {
  const value = cookies[REMEMBERED_PAIR_COOKIE]
  if (!value) return null
  // Whatever a browser (or someone planting cookies) sends: a value that is not a pair is no pair.
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return null
  }
  const [organizationId, role] = decoded.split(':')
  const parsed = ZPair.safeParse({ organizationId, role })
  return parsed.success ? parsed.data : null
}

export function rememberPairCookie(pair: Pair, secure: boolean): string {
  const value = encodeURIComponent(`${pair.organizationId}:${pair.role}`)
  return `${REMEMBERED_PAIR_COOKIE}=${value}; Path=/; Max-Age=${REMEMBERED_PAIR_TTL_S}; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`
}
