import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AuditEventInput,
  appendAuditEvent,
  auditEventContent,
  describeAuditChainBreak,
  verifyAuditChains,
} from './audit-chain.ts'
import { contentHash } from './canonical-hash.ts'
import type { Db } from './client.ts'
import { createOrganization } from './factories.ts'
import { migrate } from './migrator.ts'
import { migrationsDir } from './paths.ts'
import { createEmptyTestDb, createTestDb } from './testing/test-db.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

function entry(organizationId: string | null, action: string, extra: Partial<AuditEventInput> = {}) {
  return { organizationId, actorUserId: null, actorRole: null, action, ...extra }
}

async function chainOf(organizationId: string | null) {
  return db.prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { chainSeq: 'asc' } })
}

/**
 * Changes audit rows the way someone with the table owner's rights could: with the append-only trigger
 * switched off and the check on new rows dropped, both restored afterwards.
 */
async function tamper(target: Db, statement: string, params: unknown[]) {
  const [check] = await target.sql.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'AuditEvent_chained'`,
  )
  await target.sql.withConnection(async (connection) => {
    await connection.exec('BEGIN')
    try {
      await connection.exec(
        'ALTER TABLE "AuditEvent" DISABLE TRIGGER USER; ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_chained"',
      )
      await connection.query(statement, params)
      await connection.exec(
        `ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_chained" ${check?.definition}; ` +
          'ALTER TABLE "AuditEvent" ENABLE TRIGGER USER',
      )
      await connection.exec('COMMIT')
    } catch (error) {
      await connection.exec('ROLLBACK')
      throw error
    }
  })
}

async function breakOf(organizationId: string | null) {
  const report = await verifyAuditChains(db.prisma)
  return report.breaks.find((broken) => broken.organizationId === organizationId)
}

describe('audit events are append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of an audit event, whoever sends the SQL', async () => {
    const org = await createOrganization(db.prisma)
    const event = await appendAuditEvent(db.prisma, entry(org.id, 'member.invited'))

    await expect(
      db.sql.query('UPDATE "AuditEvent" SET "action" = $1 WHERE "id" = $2', ['member.removed', event.id]),
    ).rejects.toThrow(/append-only: UPDATE is refused/)
    await expect(db.sql.query('DELETE FROM "AuditEvent" WHERE "id" = $1', [event.id])).rejects.toThrow(
      /append-only: DELETE is refused/,
    )
    await expect(db.sql.query('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only: TRUNCATE is refused/)
    await expect(
      db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'member.removed' } }),
    ).rejects.toThrow()

    expect(await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event)
  })

  it('refuses a new event without its hash, or with a prevHash that does not fit its position', async () => {
    const insert = (seq: number, prevHash: string | null, hash: string | null) =>
      db.sql.query(
        `INSERT INTO "AuditEvent" ("id", "action", "chainSeq", "prevHash", "hash")
         VALUES (gen_random_uuid(), 'raw', $1, $2, $3)`,
        [seq, prevHash, hash],
      )
    const hex = 'a'.repeat(64)
    await expect(insert(9001, hex, null)).rejects.toThrow(/AuditEvent_chained/)
    await expect(insert(9002, null, hex)).rejects.toThrow(/AuditEvent_chained/)
    expect(await db.prisma.auditEvent.count({ where: { action: 'raw' } })).toBe(0)
  })

  it('refuses to delete an organisation that has audit events, rather than rewrite them', async () => {
    const org = await createOrganization(db.prisma)
    const event = await appendAuditEvent(db.prisma, entry(org.id, 'member.invited'))

    await expect(db.prisma.organization.delete({ where: { id: org.id } })).rejects.toThrow()

    expect(await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event)
    expect(await db.prisma.organization.count({ where: { id: org.id } })).toBe(1)
  })
})

describe('audit chains', () => {
  it('links the events of each organisation, and those of no organisation, into chains of their own', async () => {
    const a = await createOrganization(db.prisma)
    const b = await createOrganization(db.prisma)
    for (const [organizationId, action] of [
      [a.id, 'a.1'],
      [null, 'none.1'],
      [b.id, 'b.1'],
      [a.id, 'a.2'],
      [null, 'none.2'],
      [a.id, 'a.3'],
    ] as const) {
      await appendAuditEvent(db.prisma, entry(organizationId, action, { data: { action, n: 1.5 } }))
    }

    for (const [organizationId, actions] of [
      [a.id, ['a.1', 'a.2', 'a.3']],
      [b.id, ['b.1']],
      [null, ['none.1', 'none.2']],
    ] as const) {
      const chain = await chainOf(organizationId)
      expect(chain.map((event) => event.action)).toEqual(actions)
      chain.forEach((event, index) => {
        expect(event.chainSeq).toBe(BigInt(index + 1))
        expect(event.prevHash).toBe(index === 0 ? null : chain[index - 1]?.hash)
        expect(event.hash).toBe(contentHash(auditEventContent(event)))
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
      })
    }
    const report = await verifyAuditChains(db.prisma)
    expect(report.breaks).toEqual([])
  })

  it('hashes exactly what is stored: millisecond times, JSON as the database returns it, odd strings', async () => {
    const org = await createOrganization(db.prisma)
    const event = await appendAuditEvent(
      db.prisma,
      entry(org.id, 'odd\ud800', {
        targetType: 'User',
        targetId: 'Ölands bank',
        data: { z: [1, 0.1, 1e21, -0, null], a: { nested: 'å' }, gone: undefined },
      }),
    )
    const stored = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })
    expect(stored.action).toBe('odd\ufffd')
    expect(stored.data).toEqual({ z: [1, 0.1, 1e21, 0, null], a: { nested: 'å' } })
    expect(stored.hash).toBe(contentHash(auditEventContent(stored)))
    expect(stored.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await breakOf(org.id)).toBeUndefined()
  })

  it('rolls back with the transaction it was written in, leaving no gap', async () => {
    const org = await createOrganization(db.prisma)
    await appendAuditEvent(db.prisma, entry(org.id, 'kept.1'))
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendAuditEvent(tx, entry(org.id, 'rolled.back'))
        throw new Error('the change fails')
      }),
    ).rejects.toThrow('the change fails')
    await appendAuditEvent(db.prisma, entry(org.id, 'kept.2'))

    expect((await chainOf(org.id)).map((event) => [event.chainSeq, event.action])).toEqual([
      [1n, 'kept.1'],
      [2n, 'kept.2'],
    ])
    expect(await breakOf(org.id)).toBeUndefined()
  })
})

describe('verifyAuditChains names the first broken link', () => {
  async function chainOfFour() {
    const org = await createOrganization(db.prisma)
    for (const n of [1, 2, 3, 4]) await appendAuditEvent(db.prisma, entry(org.id, `step.${n}`))
    return { org, chain: await chainOf(org.id) }
  }

  it('an event changed after it was written', async () => {
    const { org, chain } = await chainOfFour()
    await tamper(db, 'UPDATE "AuditEvent" SET "action" = $1 WHERE "id" = $2', ['step.x', chain[1]?.id])

    const broken = await breakOf(org.id)
    expect(broken).toEqual({
      organizationId: org.id,
      eventId: chain[1]?.id,
      chainSeq: 2n,
      problem: 'does not match its hash: it was changed after it was written',
    })
    expect(describeAuditChainBreak(broken ?? never())).toBe(
      `chain of organisation ${org.id}: event ${chain[1]?.id} (position 2) does not match its hash: ` +
        'it was changed after it was written',
    )
  })

  it('an event changed and given a new hash: the next link breaks', async () => {
    const { org, chain } = await chainOfFour()
    const changed = { ...(chain[1] ?? never()), data: { forged: true } }
    await tamper(db, 'UPDATE "AuditEvent" SET "data" = $1, "hash" = $2 WHERE "id" = $3', [
      JSON.stringify(changed.data),
      contentHash(auditEventContent(changed)),
      changed.id,
    ])

    expect(await breakOf(org.id)).toMatchObject({
      eventId: chain[2]?.id,
      chainSeq: 3n,
      problem: `has a prevHash that is not the hash of the event before it (${chain[1]?.id})`,
    })
  })

  it('an event deleted from the middle', async () => {
    const { org, chain } = await chainOfFour()
    await tamper(db, 'DELETE FROM "AuditEvent" WHERE "id" = $1', [chain[1]?.id])

    expect(await breakOf(org.id)).toMatchObject({
      eventId: chain[2]?.id,
      chainSeq: 3n,
      problem: `follows event ${chain[0]?.id}: position 2 is missing`,
    })
  })

  it('an event moved to another chain', async () => {
    const { org, chain } = await chainOfFour()
    const other = await createOrganization(db.prisma)
    await tamper(db, 'UPDATE "AuditEvent" SET "organizationId" = $1, "chainSeq" = 1 WHERE "id" = $2', [
      other.id,
      chain[3]?.id,
    ])

    expect(await breakOf(other.id)).toMatchObject({
      eventId: chain[3]?.id,
      problem: 'is first in its chain, yet has a prevHash',
    })
    expect(await breakOf(org.id)).toBeUndefined() // the tail is gone unnoticed: see the decision note
  })

  it('reports every chain that is intact as such, counting its events', async () => {
    const { org } = await chainOfFour()
    const report = await verifyAuditChains(db.prisma, { pageSize: 3 })
    expect(report.breaks.map((broken) => broken.organizationId)).not.toContain(org.id)
    expect(report.events).toBeGreaterThanOrEqual(4)
    expect(report.chains).toBe((await db.prisma.auditEvent.groupBy({ by: ['organizationId'] })).length)
  })
})

describe('events written before the chain existed', () => {
  it('are numbered by the migration, sealed by the next event of their chain, and checked from then on', async () => {
    const legacyDb = await createEmptyTestDb()
    const before = mkdtempSync(join(tmpdir(), 'kundnav-migrations-'))
    try {
      const ours = readdirSync(migrationsDir).filter((name) => name.endsWith('_audit_chain'))
      expect(ours).toHaveLength(1)
      for (const name of readdirSync(migrationsDir)) {
        if (name >= (ours[0] ?? '')) continue
        cpSync(join(migrationsDir, name), join(before, name), { recursive: true })
      }
      await migrate(legacyDb.sql, before)
      const [org] = await legacyDb.sql.query<{ id: string }>(
        `INSERT INTO "Organization" ("id", "orgNumber", "name", "updatedAt")
         VALUES ('0190a000-0000-7000-8000-000000000001', '5560000001', 'Gamla AB', now()) RETURNING "id"`,
      )
      const orgId = org?.id ?? never()
      await legacyDb.sql.query(
        `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "data", "createdAt") VALUES
         ('0190a000-0000-7000-8000-000000000012', $1, 'old.2', '{"b":2,"a":[1.0]}', '2026-01-02T00:00:00Z'),
         ('0190a000-0000-7000-8000-000000000011', $1, 'old.1', NULL, '2026-01-01T00:00:00Z'),
         ('0190a000-0000-7000-8000-000000000021', NULL, 'old.none', NULL, '2026-01-01T00:00:00Z')`,
        [orgId],
      )

      await migrate(legacyDb.sql, migrationsDir)

      const numbered = await legacyDb.prisma.auditEvent.findMany({ orderBy: [{ action: 'asc' }] })
      expect(numbered.map((event) => [event.action, event.chainSeq, event.hash, event.prevHash])).toEqual([
        ['old.1', 1n, null, null],
        ['old.2', 2n, null, null],
        ['old.none', 1n, null, null],
      ])
      expect(await verifyAuditChains(legacyDb.prisma)).toEqual({
        chains: 2,
        events: 3,
        legacyEvents: 3,
        breaks: [],
      })

      await expect(
        legacyDb.sql.query(
          `INSERT INTO "AuditEvent" ("id", "action", "chainSeq") VALUES (gen_random_uuid(), 'late', 9)`,
        ),
      ).rejects.toThrow(/AuditEvent_chained/)

      const sealing = await appendAuditEvent(legacyDb.prisma, entry(orgId, 'new.1'))
      expect(sealing.chainSeq).toBe(3n)
      expect(sealing.prevHash).toMatch(/^[0-9a-f]{64}$/)
      await appendAuditEvent(legacyDb.prisma, entry(orgId, 'new.2'))
      expect((await verifyAuditChains(legacyDb.prisma)).breaks).toEqual([])

      await tamper(legacyDb, `UPDATE "AuditEvent" SET "action" = 'old.x' WHERE "action" = 'old.1'`, [])
      const report = await verifyAuditChains(legacyDb.prisma)
      expect(report.breaks).toEqual([
        {
          organizationId: orgId,
          eventId: sealing.id,
          chainSeq: 3n,
          problem:
            'does not link to the 2 event(s) before it, written before the chain was hashed: ' +
            'one of them was changed, added or removed',
        },
      ])
    } finally {
      await legacyDb.close()
      rmSync(before, { recursive: true, force: true })
    }
  })
})

function never(): never {
  throw new Error('unexpected')
}
