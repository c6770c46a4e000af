import { describe, expect, it } from 'vitest'
import { endOfStockholmDay, formatDay, startOfStockholmDay, stockholmDay } from './stockholm-day.ts'

describe('startOfStockholmDay', () => {
  it('is 23:00 UTC the day before in winter', () => {
    expect(startOfStockholmDay('2026-11-22')?.toISOString()).toBe('2026-11-21T23:00:00.000Z')
  })

  it('is 22:00 UTC the day before in summer', () => {
    expect(startOfStockholmDay('2026-06-01')?.toISOString()).toBe('2026-05-31T22:00:00.000Z')
  })

  it('handles the days the clocks change', () => {
    expect(startOfStockholmDay('2026-03-29')?.toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(startOfStockholmDay('2026-10-25')?.toISOString()).toBe('2026-10-24T22:00:00.000Z')
  })

  it('refuses what is not a date', () => {
    expect(startOfStockholmDay('')).toBeNull()
    expect(startOfStockholmDay('2026-02-30')).toBeNull()
    expect(startOfStockholmDay('22/11/2026')).toBeNull()
  })
})

describe('endOfStockholmDay', () => {
  it('is the start of the next day, also across a clock change', () => {
    expect(endOfStockholmDay('2026-11-22')?.toISOString()).toBe('2026-11-22T23:00:00.000Z')
    expect(endOfStockholmDay('2026-03-28')?.toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(endOfStockholmDay('2026-03-29')?.toISOString()).toBe('2026-03-29T22:00:00.000Z')
    expect(endOfStockholmDay('2026-12-31')?.toISOString()).toBe('2026-12-31T23:00:00.000Z')
  })
})

describe('stockholmDay and formatDay', () => {
  it('name the Swedish calendar day, not the UTC one', () => {
    expect(stockholmDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(formatDay(new Date('2026-12-31T23:30:00Z'))).toBe('1 jan. 2027')
    expect(formatDay(new Date('2026-11-22T13:05:00Z'), 'en')).toBe('22 Nov 2026')
  })
})
