import { randomUUID } from 'node:crypto'
import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteExpired, type Retention } from './housekeeping.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

const MINUTE = 60_000
const retention: Retention = {
  sessionIdleMs: 30 * MINUTE,
  throttleWindowMs: 15 * MINUTE,
  outboxRetentionMs: 7 * 24 * 60 * MINUTE,
}

describe('housekeeping', () => {
  it('deletes ended sessions, expired links and step-ups, old throttle events and old delivered mail, and keeps the rest', async () => {
    const now = new Date()
    const ago = (ms: number) => new Date(now.getTime() - ms)
    const later = (ms: number) => new Date(now.getTime() + ms)
    const { members } = await createOrgWithMembers(db.prisma, { members: [{ roles: ['ORDERER'] }] })
    const userId = members[0]?.user.id ?? ''
    const session = (expires: Date, lastSeenAt: Date) =>
      db.prisma.session.create({ data: { sessionToken: randomUUID(), userId, expires, lastSeenAt } })
    const live = await session(later(60 * MINUTE), ago(MINUTE))
    await session(ago(MINUTE), ago(MINUTE)) // past its absolute end
    await session(later(60 * MINUTE), ago(31 * MINUTE)) // idle too long

    const link = (expires: Date) =>
      db.prisma.verificationToken.create({
        data: { identifier: `reset:${userId}`, token: randomUUID(), expires },
      })
    const validLink = await link(later(MINUTE))
    // Just expired: kept, so the person is told the link has expired rather than that it is not valid.
    const expiredLink = await link(ago(MINUTE))
    await link(ago(8 * 24 * 60 * MINUTE))

    await db.prisma.throttleEvent.createMany({
      data: [
        { scope: 'login:account', key: userId, createdAt: ago(MINUTE) },
        { scope: 'login:account', key: userId, createdAt: ago(16 * MINUTE) },
      ],
    })

    const message = (status: 'SENT' | 'DEAD' | 'PENDING', sentAt: Date | null) =>
      db.prisma.outboxMessage.create({
        data: {
          channel: 'EMAIL',
          recipient: 'x@test.example',
          text: 'hej',
          messageId: `<${randomUUID()}@test>`,
          status,
          sentAt,
        },
      })
    const recent = await message('SENT', ago(MINUTE))
    await message('SENT', ago(8 * 24 * 60 * MINUTE))
    const dead = await message('DEAD', null)
    const pending = await message('PENDING', null)

    const challenge = (status: 'PENDING' | 'DEAD' | 'COMPLETED', expiresAt: Date) =>
      db.prisma.stepUpChallenge.create({
        data: {
          userId,
          purpose: 'password.change',
          subjectId: userId,
          contentHash: 'x',
          method: 'SMS',
          recipient: '+46700000000',
          description: { purpose: 'password.change' },
          secretHash: 'x',
          status,
          expiresAt,
        },
      })
    const openChallenge = await challenge('PENDING', ago(MINUTE))
    await challenge('PENDING', ago(8 * 24 * 60 * MINUTE))
    await challenge('DEAD', ago(8 * 24 * 60 * MINUTE))
    const signed = await challenge('COMPLETED', ago(8 * 24 * 60 * MINUTE))

    expect(await deleteExpired(db.prisma, retention, now)).toEqual({
      sessions: 2,
      passwordLinks: 1,
      throttleEvents: 1,
      outboxMessages: 1,
      stepUpChallenges: 2,
      signingLinks: 0,
    })
    expect((await db.prisma.stepUpChallenge.findMany()).map((c) => c.id).sort()).toEqual(
      [openChallenge.id, signed.id].sort(),
    )
    expect((await db.prisma.session.findMany({ where: { userId } })).map((s) => s.id)).toEqual([live.id])
    expect((await db.prisma.verificationToken.findMany()).map((t) => t.token).sort()).toEqual(
      [validLink.token, expiredLink.token].sort(),
    )
    expect(await db.prisma.throttleEvent.count({ where: { key: userId } })).toBe(1)
    expect(
      (await db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } })).map((m) => m.id).sort(),
    ).toEqual([recent.id, dead.id, pending.id].sort())
    // Nothing left to delete: a second run (or another server's) changes nothing.
    expect(await deleteExpired(db.prisma, retention, now)).toEqual({
      sessions: 0,
      passwordLinks: 0,
      throttleEvents: 0,
      outboxMessages: 0,
      stepUpChallenges: 0,
      signingLinks: 0,
    })
  })
})
