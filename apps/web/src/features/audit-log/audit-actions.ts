import type { ParseKeys } from 'i18next'

/** The kinds of event the log can be filtered by: an action prefix and its name. */
export const ACTION_GROUPS = [
  { prefix: 'login.', label: 'auditLog.groups.login' },
  { prefix: 'role.', label: 'auditLog.groups.role' },
  { prefix: 'member.', label: 'auditLog.groups.member' },
  { prefix: 'password.', label: 'auditLog.groups.password' },
  { prefix: 'caseOfficer.', label: 'auditLog.groups.caseOfficer' },
  { prefix: 'session.', label: 'auditLog.groups.session' },
  { prefix: 'me.', label: 'auditLog.groups.me' },
  { prefix: 'case.', label: 'auditLog.groups.case' },
] as const satisfies readonly { prefix: string; label: ParseKeys }[]

export type ActionPrefix = (typeof ACTION_GROUPS)[number]['prefix']

export function isActionPrefix(value: unknown): value is ActionPrefix {
  return ACTION_GROUPS.some((group) => group.prefix === value)
}

/** What people read for each action the server records (packages/api: `recordAudit`). */
const ACTION_LABELS: Record<string, ParseKeys> = {
  'login.succeeded': 'auditLog.actions.loginSucceeded',
  'login.failed': 'auditLog.actions.loginFailed',
  'role.switched': 'auditLog.actions.roleSwitched',
  'member.added': 'auditLog.actions.memberAdded',
  'member.roles_changed': 'auditLog.actions.memberRolesChanged',
  'member.removed': 'auditLog.actions.memberRemoved',
  'member.invitation_resent': 'auditLog.actions.memberInvitationResent',
  'member.responsible_assigned': 'auditLog.actions.memberResponsibleAssigned',
  'member.responsible_withdrawn': 'auditLog.actions.memberResponsibleWithdrawn',
  'password.changed': 'auditLog.actions.passwordChanged',
  'password.reset_requested': 'auditLog.actions.passwordResetRequested',
  'password.reset': 'auditLog.actions.passwordReset',
  'password.set_from_invitation': 'auditLog.actions.passwordSetFromInvitation',
  'caseOfficer.removed': 'auditLog.actions.caseOfficerRemoved',
  'session.ended': 'auditLog.actions.sessionEnded',
  'me.updated': 'auditLog.actions.meUpdated',
  'case.created': 'auditLog.actions.caseCreated',
  'case.phone_registered': 'auditLog.actions.casePhoneRegistered',
  'case.taken': 'auditLog.actions.caseTaken',
  'case.status_changed': 'auditLog.actions.caseStatusChanged',
  'case.message_added': 'auditLog.actions.caseMessageAdded',
  'case.closed': 'auditLog.actions.caseClosed',
  'case.visibility_changed': 'auditLog.actions.caseVisibilityChanged',
}

/** The text key naming an action; an action this version doesn't know is "Annan händelse", never its code. */
export function actionLabelKey(action: string): ParseKeys {
  return Object.hasOwn(ACTION_LABELS, action)
    ? (ACTION_LABELS[action] ?? 'auditLog.actions.other')
    : 'auditLog.actions.other'
}
