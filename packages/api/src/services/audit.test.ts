import { auditEventContent, contentHash, createOrganization, type Db, verifyAuditChains } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from './audit.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

async function chainOf(organizationId: string | null) {
  return db.prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { chainSeq: 'asc' } })
}

function expectLinked(chain: Awaited<ReturnType<typeof chainOf>>) {
  chain.forEach((event, index) => {
    expect(event.chainSeq).toBe(BigInt(index + 1))
    expect(event.prevHash).toBe(index === 0 ? null : chain[index - 1]?.hash)
    expect(event.hash).toBe(contentHash(auditEventContent(event)))
  })
}

describe('recordAudit', () => {
  it('appends to the organisation’s chain, inside the caller’s transaction or in one of its own', async () => {
    const org = await createOrganization(db.prisma)
    await db.prisma.$transaction(async (tx) => {
      await recordAudit(tx, {
        organizationId: org.id,
        actorUserId: null,
        actorRole: 'ADMIN',
        action: 'member.invited',
        targetType: 'User',
        targetId: 'u-1',
        data: { roles: ['ORDERER'] },
      })
    })
    await recordAudit(db.prisma, {
      organizationId: org.id,
      actorUserId: null,
      actorRole: 'ADMIN',
      action: 'session.ended',
    })
    await recordAudit(db.prisma, { organizationId: null, actorUserId: null, actorRole: null, action: 'x' })

    const chain = await chainOf(org.id)
    expect(chain.map((event) => event.action)).toEqual(['member.invited', 'session.ended'])
    expect(chain[0]).toMatchObject({ targetType: 'User', targetId: 'u-1', data: { roles: ['ORDERER'] } })
    expectLinked(chain)
  })

  // On PostgreSQL the transactions really run at once (the pool has 5 connections; each one holds the
  // chain's lock a while before committing). PGlite is one connection and runs them one after another.
  it('20 transactions recording for one organisation at once give a chain without gaps or forks', async () => {
    const org = await createOrganization(db.prisma)
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        db.prisma.$transaction(
          async (tx) => {
            await recordAudit(tx, {
              organizationId: org.id,
              actorUserId: null,
              actorRole: null,
              action: `parallel.${index}`,
            })
            await tx.$executeRaw`SELECT pg_sleep(0.02)`
          },
          { maxWait: 30_000, timeout: 30_000 },
        ),
      ),
    )

    const chain = await chainOf(org.id)
    expect(chain).toHaveLength(20)
    expect(new Set(chain.map((event) => event.action)).size).toBe(20)
    expectLinked(chain)
    const report = await verifyAuditChains(db.prisma)
    expect(report.breaks).toEqual([])
  })
})
