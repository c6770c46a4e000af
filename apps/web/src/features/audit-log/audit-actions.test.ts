import { describe, expect, it } from 'vitest'
import { sv } from '../../i18n/sv.ts'
import { ACTION_GROUPS, actionLabelKey, isActionPrefix } from './audit-actions.ts'

/** The Swedish text behind a dotted key. */
function swedish(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], sv)
}

describe('audit actions', () => {
  it('name every action the server records in words', () => {
    expect(swedish(actionLabelKey('member.added'))).toBe('Lade till en person')
    expect(swedish(actionLabelKey('member.roles_changed'))).toBe('Ändrade roller')
    expect(swedish(actionLabelKey('login.succeeded'))).toBe('Loggade in')
    expect(swedish(actionLabelKey('caseOfficer.removed'))).toBe('Tog bort en handläggare')
    expect(swedish(actionLabelKey('member.responsible_assigned'))).toBe('Gav rollen Ansvarig')
    expect(swedish(actionLabelKey('case.closed'))).toBe('Avslutade ett ärende')
    expect(swedish(actionLabelKey('case.phone_registered'))).toBe('Registrerade ett telefonärende')
  })

  it('never show an unknown action code', () => {
    expect(swedish(actionLabelKey('order.submitted'))).toBe('Annan händelse')
    expect(swedish(actionLabelKey('toString'))).toBe('Annan händelse')
  })

  it('filter by the known prefixes only, each with a name', () => {
    expect(isActionPrefix('member.')).toBe(true)
    expect(isActionPrefix('member')).toBe(false)
    expect(isActionPrefix('x.')).toBe(false)
    for (const group of ACTION_GROUPS) expect(typeof swedish(group.label)).toBe('string')
  })
})
