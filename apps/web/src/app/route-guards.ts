import { can, type Permission } from '@kundnav/schemas'
import { type ParsedLocation, redirect } from '@tanstack/react-router'
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
  const session = await context.queryClient.ensureQueryData(context.trpc.session.get.queryOptions())
  if (!session) throw redirect({ to: '/logga-in', search: { redirect: location.href } })
  return session
}

/** Signed in and acting as a pair; someone with several pairs who has not chosen goes to "Välj roll". */
export async function requirePair(options: GuardOptions): Promise<SignedInSession> {
  const session = await requireSignIn(options)
  if (!session.active) throw redirect({ to: '/valj-roll', search: { redirect: options.location.href } })
  return session
}

/** A role that has `permission`; any other goes to the start page (e.g. after "Byt till …"). */
export function requirePermission(permission: Permission) {
  return async (options: GuardOptions): Promise<SignedInSession> => {
    const session = await requirePair(options)
    if (!can(asRole(session.active?.role), permission)) throw redirect({ to: '/' })
    return session
  }
}
