import { describe, expect, it } from 'vitest'
import { ZAddCaseOfficerInput, ZMobile, ZNewPassword } from './index.ts'

describe('passwords', () => {
  it('accepts 12 to 128 characters of anything, and never truncates', () => {
    expect(ZNewPassword.parse('a b c d e f ')).toBe('a b c d e f ')
    const long = 'å'.repeat(128)
    expect(ZNewPassword.parse(long)).toBe(long)
  })

  it('says how long a password must be', () => {
    expect(ZNewPassword.safeParse('kort').error?.issues[0]?.message).toMatch(/minst 12 tecken/)
    expect(ZNewPassword.safeParse('x'.repeat(129)).error?.issues[0]?.message).toMatch(/högst 128/)
  })
})

describe('mobile numbers', () => {
  it('keeps Swedish numbers as people write them in international form', () => {
    expect(ZMobile.parse('070-123 45 67')).toBe('+46701234567')
    expect(ZMobile.parse('0046 70 123 45 67')).toBe('+46701234567')
    expect(ZMobile.parse('+46701234567')).toBe('+46701234567')
  })

  it('refuses letters with an example of the format', () => {
    expect(ZMobile.safeParse('ring mig').error?.issues[0]?.message).toMatch(/070-123 45 67/)
  })
})

describe('case officers', () => {
  it('needs an organisation name for an external handläggare but not for an internal one', () => {
    const base = { name: 'Test Testsson', username: 'test', email: 'test@bank.example' }
    expect(ZAddCaseOfficerInput.safeParse({ kind: 'internal', ...base }).success).toBe(true)
    expect(ZAddCaseOfficerInput.safeParse({ kind: 'external', ...base }).success).toBe(false)
    expect(
      ZAddCaseOfficerInput.safeParse({ kind: 'external', ...base, organizationName: 'Konsult AB' }).success,
    ).toBe(true)
  })
})
