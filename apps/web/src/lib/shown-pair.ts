/**
 * The (organisation, role) pair this page is showing, as the server names it: `<organisationId>:<role>`,
 * or "none" when the person has no active pair. `null` until the page has learned who is signed in.
 *
 * Every tRPC call sends it (`x-kundnav-pair`, see trpc.ts), so a tab still showing a role that was
 * switched in another tab is refused (ROLE_CHANGED) instead of acting in the new role unseen.
 */
let shownPair: string | null = null

export function getShownPair(): string | null {
  return shownPair
}

export function setShownPair(pair: string | null): void {
  shownPair = pair
}

/** The header value: what the page shows, or "none" (the server then does not compare). */
export function shownPairHeader(): string {
  return shownPair ?? 'none'
}

/** How a pair is named in the header and on the server. */
export function pairKey(pair: { organizationId: string; role: string } | null | undefined): string {
  return pair ? `${pair.organizationId}:${pair.role}` : 'none'
}
