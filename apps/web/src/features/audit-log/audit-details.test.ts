import { describe, expect, it } from 'vitest'
import { auditDetails } from './audit-details.ts'

const names = new Map([
  ['user-1', 'Test Testsson'],
  ['membership-2', 'Bertil Beställare'],
])

describe('auditDetails', () => {
  it('names the added person and their roles', () => {
    expect(
      auditDetails(
        {
          action: 'member.added',
          targetType: 'Membership',
          targetId: 'membership-9',
          data: { userId: 'user-1', roles: ['ATTESTER'], externalOrganizationName: 'Konsult AB' },
        },
        names,
      ),
    ).toEqual({
      personName: 'Test Testsson',
      personId: null,
      roles: ['ATTESTER'],
      rolesBefore: null,
      rolesAfter: null,
      externalOrganizationName: 'Konsult AB',
      switchedFrom: null,
      switchedFromOtherOrganization: false,
      switchedTo: null,
    })
  })

  it('shows roles before and after a change', () => {
    const details = auditDetails(
      {
        action: 'member.roles_changed',
        targetType: 'Membership',
        targetId: 'membership-2',
        data: { userId: 'user-gone', before: ['ORDERER'], after: ['ORDERER', 'ATTESTER'] },
      },
      names,
    )
    expect(details.personName).toBe('Bertil Beställare')
    expect(details.rolesBefore).toEqual(['ORDERER'])
    expect(details.rolesAfter).toEqual(['ORDERER', 'ATTESTER'])
    expect(details.roles).toBeNull()
  })

  it('prefers the name the event kept (the person may be gone)', () => {
    const details = auditDetails(
      { action: 'member.removed', targetType: 'Membership', targetId: 'x', data: { name: 'Ida', roles: [] } },
      names,
    )
    expect(details.personName).toBe('Ida')
  })

  it('says nothing about people for other events, and survives odd data', () => {
    expect(
      auditDetails({ action: 'login.succeeded', targetType: 'Session', targetId: 's', data: null }, names),
    ).toEqual({
      personName: null,
      personId: null,
      roles: null,
      rolesBefore: null,
      rolesAfter: null,
      externalOrganizationName: null,
      switchedFrom: null,
      switchedFromOtherOrganization: false,
      switchedTo: null,
    })
    const odd = auditDetails(
      { action: 'member.added', targetType: null, targetId: null, data: { userId: 5, roles: 'ADMIN' } },
      names,
    )
    expect(odd.personName).toBeNull()
    expect(odd.roles).toBeNull()
  })

  it('says from which role to which a switch went, naming no role of another organisation', () => {
    const switched = (from: unknown) =>
      auditDetails(
        {
          action: 'role.switched',
          targetType: 'Session',
          targetId: 's',
          data: { from, to: { role: 'ADMIN' } },
        },
        names,
      )
    expect(switched({ role: 'ATTESTER' })).toMatchObject({
      switchedFrom: 'ATTESTER',
      switchedFromOtherOrganization: false,
      switchedTo: 'ADMIN',
    })
    expect(switched({ otherOrganization: true })).toMatchObject({
      switchedFrom: null,
      switchedFromOtherOrganization: true,
      switchedTo: 'ADMIN',
    })
  })
})
