/** What an audit event's `data` tells a reader, pulled out defensively (it is JSON of any shape). */
export interface AuditDetails {
  /** The person the event was about, by name (from the event, or looked up by id). */
  personName: string | null
  /** The person's id, when the name had to be looked up and wasn't found. */
  personId: string | null
  roles: string[] | null
  rolesBefore: string[] | null
  rolesAfter: string[] | null
  externalOrganizationName: string | null
  /** "Bytte roll": the role before (null when it was in another organisation, or unknown) and after. */
  switchedFrom: string | null
  switchedFromOtherOrganization: boolean
  switchedTo: string | null
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null
}

/**
 * The details worth showing for an event about a person (added, roles changed, removed, invitation sent
 * again, case officer removed). Names come from the event itself when it kept one, else from `names`
 * (user id or membership id → name).
 */
export function auditDetails(
  event: { action: string; targetType: string | null; targetId: string | null; data?: unknown },
  names: ReadonlyMap<string, string>,
): AuditDetails {
  const data = record(event.data)
  const userId = text(data.userId)
  const membershipId = event.targetType === 'Membership' ? event.targetId : null
  const lookedUp = (userId && names.get(userId)) || (membershipId && names.get(membershipId)) || null
  const aboutPerson = event.action.startsWith('member.') || event.action.startsWith('caseOfficer.')
  const personName = aboutPerson ? (text(data.name) ?? lookedUp) : null
  return {
    personName,
    personId: aboutPerson && !personName ? (userId ?? membershipId) : null,
    roles: event.action === 'member.roles_changed' ? null : strings(data.roles),
    rolesBefore: event.action === 'member.roles_changed' ? strings(data.before) : null,
    rolesAfter: event.action === 'member.roles_changed' ? strings(data.after) : null,
    externalOrganizationName: text(data.externalOrganizationName),
    switchedFrom: event.action === 'role.switched' ? text(record(data.from).role) : null,
    switchedFromOtherOrganization:
      event.action === 'role.switched' && record(data.from).otherOrganization === true,
    switchedTo: event.action === 'role.switched' ? text(record(data.to).role) : null,
  }
}
