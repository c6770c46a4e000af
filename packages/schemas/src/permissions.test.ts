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

  it('refuses without a role and for a permission the role lacks', () => {
    expect(can(null, 'organization.read')).toBe(false)
    expect(can('CONTACT', 'order.create')).toBe(false)
    expect(can('ADMIN', 'member.manage')).toBe(true)
  })
})
