import type { Permission } from '@kundnav/schemas/permissions'
import type { LinkProps } from '@tanstack/react-router'
import type { ParseKeys } from 'i18next'

/**
 * The main menu after "Start": each page is listed only for roles that may use it (`can(role,
 * permission)`, the same check the server makes). Add a page here when it needs a menu entry.
 */
export interface NavItem {
  to: NonNullable<LinkProps['to']>
  label: ParseKeys
  permission: Permission
  /** Current only at exactly this address, not below it ("Support: Ansvarig" at /support, not at /support/arenden). */
  exact?: boolean
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/bestall', label: 'shell.navOrder', permission: 'order.create' },
  { to: '/bestallningar', label: 'shell.navOrders', permission: 'order.read' },
  // Beställare and Handläggare agent (seed 004: "Agentens beställare … Klickar på mina Agentuppdrag"). The
  // session does not say whether the organisation is an agent, so an orderer elsewhere sees it too; the
  // page then says the organisation is not an agent.
  { to: '/agentuppdrag', label: 'shell.navAgentOrders', permission: 'agentAssignment.handle' },
  { to: '/granska', label: 'shell.navReviewQueue', permission: 'provider.review' },
  // Every customer role (seed 002: Kundwebben "Mina ärenden"); "Skapa ärende" is the page's own button.
  // Provider support reads cases too, but from its own workspace ("Ärenden" below).
  { to: '/arenden', label: 'shell.navCases', permission: 'case.create' },
  { to: '/medlemmar', label: 'shell.navMembers', permission: 'member.read' },
  { to: '/logg', label: 'shell.navAuditLog', permission: 'audit.read' },
  { to: '/handlaggare', label: 'shell.navCaseOfficers', permission: 'caseOfficer.manage' },
  { to: '/support/arenden', label: 'shell.navSupportCases', permission: 'provider.support' },
  { to: '/support', label: 'shell.navSupport', permission: 'provider.support', exact: true },
  { to: '/priser-och-villkor', label: 'shell.navCatalogue', permission: 'catalogue.manage' },
]
