import { can, type Permission } from '@kundnav/schemas/permissions'
import { type ParsedLocation, redirect } from '@tanstack/react-router'
import { sessionQueryOptions } from '../lib/api.ts'
import { asRole, type SignedInSession } from '../lib/session.ts'
import type { RouterContext } from './routes/root.tsx'

/**
 * Route guards for `beforeLoad`. They read the cached `session.get` (fetching it once if needed), so
 * they cost nothing on page changes; the frame empties that cache when the server says the session has
 * ended, and `router.invalidate()` runs them again. Hiding is courtesy: the server checks every call.
 *
 *   beforeLoad: requireSignIn          — "Mina uppgifter": any signed-in person
 *   beforeLoad: requirePair            — pages acting in an organisation: a chosen (organisation, role)
 *   beforeLoad: requirePermission('member.read')  — and a role that may use the page
 */
interface GuardOptions {
  context: RouterContext
  location: ParsedLocation
}

export async function requireSignIn({ context, location }: GuardOptions): Promise<SignedInSession> {
  const session = await context.queryClient.ensureQueryData(sessionQueryOptions())
  if (!session) throw redirect({ to: '/logga-in', search: { redirect: location.href } })
  return session
}

/** Signed in and acting as a pair; someone with several pairs who has not chosen goes to "Välj roll". */
export async function requirePair(options: GuardOptions): Promise<SignedInSession> {
  const session = await requireSignIn(options)
  if (!session.active) throw redirect({ to: '/valj-roll', search: { redirect: options.location.href } })
  return session
}

/**
 * Thrown by `requirePermission` when the active role may not use the page: the page's error component
 * (app/pages/error-page.tsx) then says whom the page is for, with "Byt roll", where the page would be.
 */
export class PageNotForRole extends Error {
  constructor(readonly permission: Permission) {
    super(`The active role may not use this page (${permission}).`)
    this.name = 'PageNotForRole'
  }
}

/**
 * A role that has `permission`. Any other stays at the address and is told whom the page is for (e.g.
 * after "Byt till …", or a bookmark from another role), rather than being moved elsewhere unexplained.
 */
export function requirePermission(permission: Permission) {
  return async (options: GuardOptions): Promise<SignedInSession> => {
    const session = await requirePair(options)
    if (!can(asRole(session.active?.role), permission)) throw new PageNotForRole(permission)
    return session
  }
}
