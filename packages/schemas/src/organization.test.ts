import { describe, expect, it } from 'vitest'
import { formatOrgNumber, hasValidLuhnCheckDigit, ZOrgNumber } from './organization.ts'

describe('organisationsnummer', () => {
  it('accepts a real number written with a hyphen and keeps the 10 digits', () => {
    expect(ZOrgNumber.parse('556036-0793')).toBe('5560360793')
    expect(ZOrgNumber.parse(' 2021005489 ')).toBe('2021005489')
  })

  it('refuses a wrong check digit with a message that says what to check', () => {
    const result = ZOrgNumber.safeParse('556036-0794')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/stämmer inte/)
  })

  it('refuses anything but 10 digits', () => {
    for (const value of ['55603607', '556036-07931', 'abcdefghij', '']) {
      expect(ZOrgNumber.safeParse(value).success).toBe(false)
    }
  })

  it('checks the Luhn digit over every position', () => {
    expect(hasValidLuhnCheckDigit('5560360793')).toBe(true)
    expect(hasValidLuhnCheckDigit('5560360703')).toBe(false)
  })

  it('formats as people write it', () => {
    expect(formatOrgNumber('5560360793')).toBe('556036-0793')
  })
})
