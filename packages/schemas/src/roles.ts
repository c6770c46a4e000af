import { OrganizationType, Role } from '@kundnav/db/enums'
import { z } from 'zod'

// The roles are defined once, in prisma/schema.prisma; this is their client-safe form.
export { OrganizationType, Role }

export const ROLES = Object.values(Role)
export const ZRole = z.enum(Role)

/** Roles held by staff of the provider organisation; all others belong to customer organisations. */
export const PROVIDER_ROLES = [
  Role.PROVIDER_REVIEWER,
  Role.PROVIDER_SUPPORT,
] as const satisfies readonly Role[]

export function isProviderRole(role: Role): boolean {
  return (PROVIDER_ROLES as readonly Role[]).includes(role)
}
