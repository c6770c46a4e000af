import { appendAuditEvent, createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { actorFor, callerFor } from '../testing/world.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})
afterEach(() => {
  vi.useRealTimers()
})

async function organizationWithEvents(actions: string[], at?: Date) {
  const suffix = Math.random().toString(36).slice(2, 8)
  const org = await createOrgWithMembers(db.prisma, {
    name: `Region ${suffix}`,
    members: [{ name: 'Anna Admin', email: `anna.${suffix}@region.example`, roles: ['ADMIN'] }],
  })
  const actor = actorFor(org, 'ADMIN')
  if (at) vi.useFakeTimers({ toFake: ['Date'], now: at })
  for (const action of actions) {
    await appendAuditEvent(db.prisma, {
      organizationId: org.organization.id,
      actorUserId: actor.userId,
      actorRole: 'ADMIN',
      action,
    })
  }
  vi.useRealTimers()
  return { org, admin: callerFor(db, actor) }
}

describe('audit.list', () => {
  it('pages through events of the same millisecond, each once, newest first, with the cursor as JSON carries it', async () => {
    const actions = Array.from({ length: 7 }, (_, index) => `test.same-moment.${index}`)
    const { admin } = await organizationWithEvents(actions, new Date('2026-11-30T12:00:00.000Z'))
    const seen: string[] = []
    let cursor: { createdAt: string; id: string } | undefined
    for (let page = 0; page < 10; page++) {
      const result = await admin.audit.list({ action: 'test.same-moment.', limit: 3, cursor })
      seen.push(...result.items.map((item) => item.id))
      if (!result.nextCursor) break
      // Over HTTP the cursor's date comes back as its ISO string.
      cursor = { createdAt: result.nextCursor.createdAt.toISOString(), id: result.nextCursor.id }
    }
    const all = await admin.audit.list({ action: 'test.same-moment.', limit: 100 })
    expect(all.items).toHaveLength(7)
    expect(seen).toEqual(all.items.map((item) => item.id))
    expect([...seen].sort().reverse()).toEqual(seen)
  })

  it('names each actor, and matches the action filter as typed, % and _ included', async () => {
    const { admin } = await organizationWithEvents(['member.added', 'member_removed', 'login.failed'])
    const added = (await admin.audit.list({ action: 'member.' })).items
    expect(added.map((item) => item.action)).toEqual(['member.added'])
    expect(added[0]).toMatchObject({ actorName: 'Anna Admin', actorRole: 'ADMIN', data: null })
    expect((await admin.audit.list({ action: 'member%' })).items).toEqual([])
    expect((await admin.audit.list({ action: 'member_' })).items.map((item) => item.action)).toEqual([
      'member_removed',
    ])
  })
})
