import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorFor, callerFor, codeOf } from '../testing/world.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

/** A signed-in person of their own organisation, Swedish-speaking as every new account is. */
async function signedIn() {
  const suffix = Math.random().toString(36).slice(2, 8)
  const org = await createOrgWithMembers(db.prisma, {
    members: [{ name: 'Ida Idasson', email: `ida.${suffix}@bank.example`, roles: ['ORDERER'] }],
  })
  const [member] = org.members
  if (!member) throw new Error('no member')
  return { user: member.user, caller: callerFor(db, actorFor(org, 'ORDERER')) }
}

const savedLanguage = async (userId: string) =>
  (await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).language

describe('the preferred language', () => {
  it('is Swedish for a new account, and session.get and me.get say so', async () => {
    const { user, caller } = await signedIn()
    expect(await savedLanguage(user.id)).toBe('sv')
    expect((await caller.session.get())?.user.language).toBe('sv')
    expect((await caller.me.get()).language).toBe('sv')
  })

  it('is kept when the person switches language (me.setLanguage), and the portal starts in it', async () => {
    const { user, caller } = await signedIn()
    expect(await caller.me.setLanguage({ language: 'en' })).toEqual({ language: 'en' })
    expect(await savedLanguage(user.id)).toBe('en')
    expect((await caller.session.get())?.user.language).toBe('en')
    await caller.me.setLanguage({ language: 'sv' })
    expect(await savedLanguage(user.id)).toBe('sv')
  })

  it('is saved with the name in "Mina uppgifter" (me.update)', async () => {
    const { user, caller } = await signedIn()
    const updated = await caller.me.update({ name: 'Ida Idasson', language: 'en' })
    expect(updated).toMatchObject({ name: 'Ida Idasson', language: 'en' })
    expect(await savedLanguage(user.id)).toBe('en')
    expect((await caller.me.get()).language).toBe('en')
  })

  it('refuses a language the portal does not have, changing nothing', async () => {
    const { user, caller } = await signedIn()
    const error = await caller.me.setLanguage({ language: 'de' as 'en' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    expect(await codeOf(caller.me.update({ name: 'Ida Idasson', language: 'fi' as 'sv' }))).toBe(
      'BAD_REQUEST',
    )
    expect(await savedLanguage(user.id)).toBe('sv')
  })

  it('can be set only by a signed-in person', async () => {
    const anonymous = callerFor(db, null)
    expect(await codeOf(anonymous.me.setLanguage({ language: 'en' }))).toBe('UNAUTHORIZED')
    expect(await codeOf(anonymous.me.update({ name: 'Någon', language: 'en' }))).toBe('UNAUTHORIZED')
  })
})
