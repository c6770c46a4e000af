import { describe, expect, it } from 'vitest'
import { can, ROLE_PERMISSIONS } from './permissions.ts'
import { ROLES } from './roles.ts'

describe('permissions', () => {
  it('gives every role of the schema a permission list', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort())
  })

  it('makes an Ansvarig a handläggare too, by derivation', () => {
    for (const permission of ROLE_PERMISSIONS.CASE_OFFICER) expect(can('RESPONSIBLE', permission)).toBe(true)
    expect(can('CASE_OFFICER', 'caseOfficer.manage')).toBe(false)
  })

  it('lets every customer role create cases and follow its own, and only provider support of the provider', async () => {
    const { isProviderRole } = await import('./roles.ts')
    for (const role of ROLES.filter((candidate) => !isProviderRole(candidate))) {
      expect([role, can(role, 'case.create'), can(role, 'case.read')]).toEqual([role, true, true])
    }
    expect(can('PROVIDER_REVIEWER', 'case.read')).toBe(false)
    expect([can('PROVIDER_SUPPORT', 'case.read'), can('PROVIDER_SUPPORT', 'case.create')]).toEqual([
      true,
      false,
    ])
    expect(can('PROVIDER_SUPPORT', 'provider.support')).toBe(true)
    expect(can('ADMIN', 'caseSettings.manage')).toBe(true)
    expect(can('ORDERER', 'caseSettings.manage')).toBe(false)
  })

  it('refuses without a role and for a permission the role lacks', () => {
    expect(can(null, 'organization.read')).toBe(false)
    expect(can('CONTACT', 'order.create')).toBe(false)
    expect(can('ADMIN', 'member.manage')).toBe(true)
  })
})

describe('who grants what', () => {
  it('lets an administrator grant every customer role except Ansvarig', async () => {
    const { ADMIN_GRANTABLE_ROLES, isProviderRole } = await import('./roles.ts')
    const expected = ROLES.filter((role) => role !== 'RESPONSIBLE' && !isProviderRole(role))
    expect([...ADMIN_GRANTABLE_ROLES].sort()).toEqual(expected.sort())
  })

  it('offers an Ansvarig the Handläggare pair too, without storing it', async () => {
    const { effectiveRoles } = await import('./roles.ts')
    expect(effectiveRoles(['RESPONSIBLE'])).toEqual(['RESPONSIBLE', 'CASE_OFFICER'])
    expect(effectiveRoles(['RESPONSIBLE', 'CASE_OFFICER'])).toEqual(['RESPONSIBLE', 'CASE_OFFICER'])
    expect(effectiveRoles(['ADMIN'])).toEqual(['ADMIN'])
  })
})
