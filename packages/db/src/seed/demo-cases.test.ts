import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client.ts'
import { createTestDb } from '../testing/test-db.ts'
import { seedDemo } from './demo.ts'
import { DEMO_CASES } from './demo-cases.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

describe('demo cases', () => {
  it('gives the demo people their cases once: answered, waiting, by phone with news, numbered', async () => {
    await seedDemo(db.prisma)
    const cases = await db.prisma.case.findMany({
      include: { reporter: { select: { email: true } }, messages: true },
      orderBy: { createdAt: 'asc' },
    })
    expect(cases).toHaveLength(DEMO_CASES.length)
    expect(new Set(cases.map((one) => one.number)).size).toBe(cases.length)
    const closed = cases.find((one) => one.status === 'CLOSED')
    expect(closed?.answer).toBeTruthy()
    expect(closed?.messages.map((message) => message.fromProvider)).toEqual([true, false])
    const phone = cases.find((one) => one.channel === 'PHONE')
    expect(phone?.reporter.email).toBe('bertil@norrby.example')
    expect(phone?.providerActivityAt).not.toBeNull()

    const again = await seedDemo(db.prisma)
    expect(again.changed).toBe(false)
    expect(await db.prisma.case.count()).toBe(DEMO_CASES.length)
  })
})
