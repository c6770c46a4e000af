import type { Db } from '@kundnav/db'
import type { Role } from '@kundnav/schemas'
import type { CaseEventBus } from './services/case-events.ts'
import type { FileStore } from './services/file-storage.ts'
import type { AuthSettings } from './settings.ts'

/** Who is calling, as verified against the database for this request. */
export interface SessionActor {
  sessionId: string
  userId: string
  name: string
  /** The active (organisation, role) pair; null until the person has chosen one. */
  organizationId: string | null
  organizationType: 'PROVIDER' | 'CUSTOMER' | null
  role: Role | null
}

export interface RequestInfo {
  /** The client's address, for throttling and the session list. */
  clientAddress: string
  /**
   * The TCP peer is this machine (127.0.0.0/8 or ::1), judged on the socket whatever `TRUST_PROXY` says:
   * the development mailbox answers only such callers.
   */
  fromLoopback: boolean
  /** Identifies this request in the logs; an unexpected error shows it to the person as its error code. */
  requestId: string
  userAgent: string | null
  /** The pair the page making the call is showing (`<organisationId>:<role>`), sent by the SPA. */
  shownPair: string | null
  /** Cookies the browser sent. */
  cookies: Record<string, string>
}

export type Context = {
  db: Db
  /** Demo mode: demo data and the development mailbox. Off in production. */
  demoMode: boolean
  actor: SessionActor | null
  settings: AuthSettings
  request: RequestInfo
  /** Headers of the response (to set cookies); null when called without HTTP (tests, scripts). */
  resHeaders: Headers | null
  /**
   * The `Set-Cookie` value that signs the browser in to a session just started (`createSession`): the very
   * cookie "Logga in" at /api/auth sets. The server makes it, as only it holds Auth.js's secret.
   */
  sessionCookie: (session: { token: string; userId: string }) => Promise<string>
  /** Uploaded files' bytes (cases' attachments). */
  files: FileStore
  /** Case changes, for live updates across server instances. */
  caseEvents: CaseEventBus
}
