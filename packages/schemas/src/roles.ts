import { OrganizationType, Role } from '@kundnav/db/enums'

// The roles are defined once, in prisma/schema.prisma; this is their client-safe form. No zod here: the
// SPA's frame reads roles and labels through `@kundnav/schemas/permissions` (ZRole is in role-schema.ts).
export { OrganizationType, Role }

export const ROLES = Object.values(Role)

/** Roles held by staff of the provider organisation; all others belong to customer organisations. */
export const PROVIDER_ROLES = [
  Role.PROVIDER_REVIEWER,
  Role.PROVIDER_SUPPORT,
] as const satisfies readonly Role[]

export function isProviderRole(role: Role): boolean {
  return (PROVIDER_ROLES as readonly Role[]).includes(role)
}

/** What people see for each role: the seeds' Swedish words, and English. */
export const ROLE_LABELS = {
  ADMIN: { sv: 'Administratör', en: 'Administrator' },
  ORDERER: { sv: 'Beställare', en: 'Orderer' },
  ATTESTER: { sv: 'Attestant', en: 'Approver' },
  SIGNATORY: { sv: 'Firmatecknare', en: 'Signatory' },
  CONTACT: { sv: 'Kontaktperson för avtalet', en: 'Contact person for the agreement' },
  AGENT_OFFICER: { sv: 'Handläggare agent', en: 'Agent case officer' },
  RESPONSIBLE: { sv: 'Ansvarig', en: 'Responsible' },
  CASE_OFFICER: { sv: 'Handläggare', en: 'Case officer' },
  PROVIDER_REVIEWER: { sv: 'Granskare', en: 'Reviewer' },
  PROVIDER_SUPPORT: { sv: 'Support', en: 'Support' },
} as const satisfies Record<Role, { sv: string; en: string }>

/**
 * Roles an organisation's Administratör may grant and withdraw: every customer role except Ansvarig,
 * which only provider support assigns (seed 000: "kontakta supporten").
 */
export const ADMIN_GRANTABLE_ROLES = [
  Role.ADMIN,
  Role.ORDERER,
  Role.ATTESTER,
  Role.SIGNATORY,
  Role.CONTACT,
  Role.AGENT_OFFICER,
  Role.CASE_OFFICER,
] as const satisfies readonly Role[]

/** The roles a membership offers as (organisation, role) pairs: an Ansvarig is a Handläggare too. */
export function effectiveRoles(roles: readonly Role[]): Role[] {
  const result = [...roles]
  if (result.includes(Role.RESPONSIBLE) && !result.includes(Role.CASE_OFFICER)) result.push(Role.CASE_OFFICER)
  return result
}
