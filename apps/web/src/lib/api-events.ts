/**
 * What the tRPC link (trpc.ts) tells the rest of the app about calls: when the last one succeeded (for
 * the idle timeout) and the answers the frame acts on whatever page made the call.
 */

export type ApiEvent =
  /** The session's active pair is no longer the one this page shows (switched in another tab). */
  | { type: 'roleChanged' }
  /** The server no longer knows the session (ended elsewhere, idle, or signed out in another tab). */
  | { type: 'unauthorized' }

type Listener = (event: ApiEvent) => void

const listeners = new Set<Listener>()

export function emitApiEvent(event: ApiEvent): void {
  for (const listener of listeners) listener(event)
}

/** Subscribes to API events; returns the unsubscribe function. */
export function onApiEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/**
 * The last successful call, shared between tabs through localStorage: every call keeps the one server
 * session alive, so a tab the person is not using must not log them out while another tab is busy.
 */
const ACTIVITY_KEY = 'kundnav.lastActivity'
let lastActivity = 0

export function recordApiActivity(now = Date.now()): void {
  lastActivity = now
  try {
    window.localStorage.setItem(ACTIVITY_KEY, String(now))
  } catch {
    // Storage may be forbidden (private browsing); this tab's own clock is used then.
  }
}

export function lastApiActivity(): number {
  let shared = 0
  try {
    shared = Number(window.localStorage.getItem(ACTIVITY_KEY)) || 0
  } catch {
    shared = 0
  }
  return Math.max(lastActivity, shared)
}
