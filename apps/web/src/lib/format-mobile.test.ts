import { describe, expect, it } from 'vitest'
import { formatMobile } from './format-mobile.ts'

describe('formatMobile', () => {
  it('writes a Swedish mobile number the Swedish way', () => {
    expect(formatMobile('+46701234567')).toBe('070-123 45 67')
    expect(formatMobile('+46739876543')).toBe('073-987 65 43')
  })

  it('shows other numbers as they are kept', () => {
    expect(formatMobile('+4791234567')).toBe('+4791234567')
    expect(formatMobile('+46812345678')).toBe('+46812345678')
  })
})
