import type { Db } from '@kundnav/db'
import type { Role } from '@kundnav/schemas'

/** Who is calling, as verified against the database for this request. */
export interface SessionActor {
  sessionId: string
  userId: string
  /** The active (organisation, role) pair; null until the person has chosen one. */
  organizationId: string | null
  organizationType: 'PROVIDER' | 'CUSTOMER' | null
  role: Role | null
}

export type Context = {
  db: Db
  /** Demo mode: demo data and the development mailbox. Off in production. */
  demoMode: boolean
  actor: SessionActor | null
}
