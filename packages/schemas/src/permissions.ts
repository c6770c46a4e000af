import type { Role } from '@kundnav/db/enums'

/*
 * `@kundnav/schemas/permissions`: roles, their labels and permissions, and `can` — everything the SPA's
 * frame, route guards and menu need, without zod. It imports only the generated enums (plain constants), so
 * the sign-in page doesn't download zod; permissions.test.ts keeps it that way. Forms import their zod
 * schemas from `@kundnav/schemas` on the (lazily loaded) pages that need them.
 */

/** What can be done, as `resource.action`. */
export const PERMISSIONS = [
  'organization.read',
  'member.read',
  'member.manage',
  'audit.read',
  'caseOfficer.manage',
  'submission.edit',
  'submission.confirm',
  'order.read',
  'order.create',
  'order.attest',
  'agreement.sign',
  'agentAssignment.handle',
  'case.read',
  'case.create',
  'caseSettings.manage',
  'provider.review',
  'provider.support',
  'catalogue.manage',
] as const

export type Permission = (typeof PERMISSIONS)[number]

/**
 * Kundwebben serves every employee: every customer role may create cases and follow its own in "Mina
 * ärenden" (`case.create`, seed 002) and open the cases it reaches (`case.read`).
 */
const CASES: Permission[] = ['case.read', 'case.create']

const CASE_OFFICER: Permission[] = ['organization.read', 'submission.edit', ...CASES]

export const ROLE_PERMISSIONS = {
  ADMIN: ['organization.read', 'member.read', 'member.manage', 'audit.read', ...CASES, 'caseSettings.manage'],
  ORDERER: ['organization.read', 'order.read', 'order.create', 'agentAssignment.handle', ...CASES],
  ATTESTER: ['organization.read', 'order.read', 'order.attest', ...CASES],
  SIGNATORY: ['organization.read', 'agreement.sign', ...CASES],
  CONTACT: ['organization.read', 'order.read', ...CASES],
  AGENT_OFFICER: ['organization.read', 'agentAssignment.handle', 'order.read', ...CASES],
  // Ansvarig is automatically a handläggare too: its permissions include CASE_OFFICER's by derivation.
  RESPONSIBLE: [...CASE_OFFICER, 'caseOfficer.manage', 'submission.confirm'],
  CASE_OFFICER,
  PROVIDER_REVIEWER: ['provider.review', 'order.read', 'catalogue.manage'],
  // Support opens and answers every organisation's cases (caseScope) from its own workspace, and registers
  // phone cases; it reports none of its own, so "Mina ärenden" (`case.create`) is not its page.
  PROVIDER_SUPPORT: ['provider.support', 'case.read'],
} as const satisfies Record<Role, readonly Permission[]>

/** The one check used by the server's procedure ladder and by the SPA to hide what a role can't do. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission)
}

export {
  ADMIN_GRANTABLE_ROLES,
  effectiveRoles,
  isProviderRole,
  OrganizationType,
  PROVIDER_ROLES,
  ROLE_LABELS,
  ROLES,
  Role,
} from './roles.ts'
