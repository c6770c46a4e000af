import { createOrgWithMembers, type Db, type OrgWithMembers, type Role } from '@kundnav/db'
import { ROLES } from '@kundnav/schemas'
import type { Context, SessionActor } from '../context.ts'
import { createCaller } from '../root.ts'

/** Two customer organisations with one member per customer role each, and the provider with its staff. */
export interface World {
  provider: OrgWithMembers
  home: OrgWithMembers
  other: OrgWithMembers
}

const CUSTOMER_ROLES = ROLES.filter((role) => !role.startsWith('PROVIDER_'))
const PROVIDER_ROLES = ROLES.filter((role) => role.startsWith('PROVIDER_'))

export async function createWorld(db: Db): Promise<World> {
  const members = (roles: readonly Role[]) => roles.map((role) => ({ roles: [role] }))
  return {
    provider: await createOrgWithMembers(db.prisma, { type: 'PROVIDER', members: members(PROVIDER_ROLES) }),
    home: await createOrgWithMembers(db.prisma, { name: 'Hemma AB', members: members(CUSTOMER_ROLES) }),
    other: await createOrgWithMembers(db.prisma, { name: 'Annan AB', members: members(CUSTOMER_ROLES) }),
  }
}

/** The actor a member of `org` is after choosing `role` there (as sign-in and role choice will produce). */
export function actorFor(org: OrgWithMembers, role: Role): SessionActor {
  const member = org.members.find((m) => m.membership.roles.includes(role))
  if (!member) throw new Error(`No member with ${role} in ${org.organization.name}`)
  return {
    sessionId: `test-session-${member.user.id}`,
    userId: member.user.id,
    organizationId: org.organization.id,
    organizationType: org.organization.type,
    role,
  }
}

export function callerFor(db: Db, actor: SessionActor | null, demoMode = true) {
  const ctx: Context = { db, demoMode, actor }
  return createCaller(ctx)
}
