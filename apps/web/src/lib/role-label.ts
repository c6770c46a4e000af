import { ROLE_LABELS, type Role } from '@kundnav/schemas/permissions'
import { isLanguage, type Language } from '../i18n/i18n.ts'

function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_LABELS, value)
}

/** What people see for a role in the current language ("Attestant"); never the code. */
export function roleLabel(role: string, language: string): string {
  const lang: Language = isLanguage(language) ? language : 'sv'
  return isRole(role) ? ROLE_LABELS[role][lang] : role
}

/** Several roles as one phrase: "Administratör, Beställare, Attestant". */
export function roleList(roles: readonly string[], language: string): string {
  return roles.map((role) => roleLabel(role, language)).join(', ')
}
