import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format-date.ts'

describe('formatDateTime', () => {
  it('writes dates the Swedish way, in Swedish time (winter: UTC+1)', () => {
    expect(formatDateTime(new Date('2026-11-22T13:05:00Z'))).toBe('22 nov. 2026 14:05')
  })

  it('follows daylight saving time (summer: UTC+2)', () => {
    expect(formatDateTime(new Date('2026-06-01T06:30:00Z'))).toBe('1 juni 2026 08:30')
  })

  it('crosses midnight in Swedish time, not in UTC', () => {
    expect(formatDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('1 jan. 2027 00:30')
  })

  it('uses English month names in English', () => {
    expect(formatDateTime(new Date('2026-11-22T13:05:00Z'), 'en')).toBe('22 Nov 2026, 14:05')
  })
})
