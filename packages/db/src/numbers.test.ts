import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from './client.ts'
import { formatNumber, nextNumber, stockholmYear } from './numbers.ts'
import { createTestDb } from './testing/index.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

describe('nextNumber', () => {
  it('counts per series and year, formatted as people quote it', async () => {
    const first = await db.prisma.$transaction((tx) => nextNumber(tx, 'T', 2026))
    const second = await db.prisma.$transaction((tx) => nextNumber(tx, 'T', 2026))
    const otherYear = await db.prisma.$transaction((tx) => nextNumber(tx, 'T', 2027))
    const otherSeries = await db.prisma.$transaction((tx) => nextNumber(tx, '', 2026))
    expect([first, second, otherYear, otherSeries]).toEqual([
      'T-2026-000001',
      'T-2026-000002',
      'T-2027-000001',
      '2026-000001',
    ])
    expect(formatNumber('B', 2026, 123)).toBe('B-2026-000123')
  })

  it('gives a rolled-back number to the next, and parallel callers distinct numbers without gaps', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await nextNumber(tx, 'R', 2026)
        throw new Error('the write failed')
      }),
    ).rejects.toThrow('the write failed')
    const numbers = await Promise.all(
      Array.from({ length: 10 }, () => db.prisma.$transaction((tx) => nextNumber(tx, 'R', 2026))),
    )
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => formatNumber('R', 2026, index + 1)),
    )
  })

  it('counts in the Swedish year', () => {
    expect(stockholmYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027)
    expect(stockholmYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026)
  })
})
