import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorFor, callerFor, codeOf, failureOf } from '../testing/world.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

async function region() {
  const suffix = Math.random().toString(36).slice(2, 8)
  const org = await createOrgWithMembers(db.prisma, {
    name: `Region ${suffix}`,
    members: [
      {
        name: 'Anna Admin',
        email: `anna.${suffix}@region.example`,
        roles: ['ADMIN'],
        password: 'ett långt lösenord här',
      },
      {
        name: 'Bertil Beställare',
        email: `bertil.${suffix}@region.example`,
        roles: ['ORDERER'],
        password: 'bertils långa lösenord',
      },
      { name: 'Hans Ansvarig', email: `hans.${suffix}@region.example`, roles: ['RESPONSIBLE', 'ORDERER'] },
    ],
  })
  const admin = callerFor(db, actorFor(org, 'ADMIN'))
  return { org, admin, suffix }
}

const mailsTo = (email: string) =>
  db.prisma.outboxMessage.findMany({ where: { recipient: email }, orderBy: { createdAt: 'asc' } })

describe('member administration', () => {
  it('adds a new person with an invitation naming who, where, which roles and the username, valid 7 days', async () => {
    const { org, admin, suffix } = await region()
    const email = `cecilia.${suffix}@region.example`
    await admin.member.add({
      name: 'Cecilia Ny',
      email,
      username: `cecilia-${suffix}`,
      mobile: '070-111 22 33',
      roles: ['ATTESTER'],
    })

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({
      name: 'Cecilia Ny',
      username: `cecilia-${suffix}`,
      mobile: '+46701112233',
      passwordHash: null,
    })
    const [mail] = await mailsTo(email)
    expect(mail?.subject).toBe(`Välkommen till Kundnav – ${org.organization.name}`)
    expect(mail?.text).toContain('Anna Admin har lagt till dig')
    expect(mail?.text).toContain('Attestant')
    expect(mail?.text).toContain(`Ditt användarnamn är: cecilia-${suffix}`)
    expect(mail?.text).toMatch(/http:\/\/portal\.test\/nytt-losenord\?token=/)
    const link = await db.prisma.verificationToken.findFirstOrThrow({
      where: { identifier: `invite:${user.id}` },
    })
    const days = (link.expires.getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThanOrEqual(7)

    const { items } = await admin.member.list({ search: 'cecilia' })
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ roles: ['ATTESTER'], lastLoginAt: null, invitationPending: true })
    const audit = await admin.audit.list({ action: 'member.' })
    expect(audit.items[0]).toMatchObject({
      action: 'member.added',
      actorName: 'Anna Admin',
      actorRole: 'ADMIN',
    })
  })

  it('links an existing account instead of creating one, mails "Du har lagts till i …", and answers the same', async () => {
    // (An existing account that never set a password gets an invitation with a link instead.)
    const { admin } = await region()
    const elsewhere = await region()
    const existing = elsewhere.org.members[1]?.user
    if (!existing) throw new Error('no user')
    const newcomer = await admin.member.add({
      name: 'Helt Ny',
      email: `helt.ny.${Math.random()}@x.example`,
      username: `helt-ny-${Math.random().toString(36).slice(2)}`,
      roles: ['ORDERER'],
    })
    const linked = await admin.member.add({
      name: 'Annat Namn',
      email: existing.email.toUpperCase(),
      username: 'vad-som-helst',
      roles: ['CONTACT'],
    })
    expect(Object.keys(linked)).toEqual(Object.keys(newcomer))
    expect(await db.prisma.user.count({ where: { email: existing.email } })).toBe(1)
    const unchanged = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.id } })
    expect(unchanged.name).toBe(existing.name)
    const mails = await mailsTo(existing.email)
    expect(mails.at(-1)?.subject).toMatch(/^Du har lagts till i Region/)
  })

  it('refuses a username someone else has, on the username field', async () => {
    const { admin, org } = await region()
    const taken = org.members[1]?.user.username ?? ''
    const error = await failureOf(
      admin.member.add({
        name: 'X',
        email: `x.${Math.random()}@x.example`,
        username: taken.toUpperCase(),
        roles: ['ORDERER'],
      }),
    )
    expect(error.appCode).toBe('USERNAME_TAKEN')
    expect(error.field).toBe('username')
  })

  it('does not let an administrator grant Ansvarig, and keeps Ansvarig when changing other roles', async () => {
    const { admin, org } = await region()
    const hans = org.members[2]?.membership
    await expect(
      admin.member.setRoles({ membershipId: hans?.id ?? '', roles: ['RESPONSIBLE' as 'ADMIN'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const result = await admin.member.setRoles({ membershipId: hans?.id ?? '', roles: ['CONTACT'] })
    expect(result.roles.sort()).toEqual(['CONTACT', 'RESPONSIBLE'])
  })

  it('never leaves an organisation without an administrator, not even by the administrator’s own hand', async () => {
    const { admin, org } = await region()
    const anna = org.members[0]?.membership
    const loseRole = await failureOf(
      admin.member.setRoles({ membershipId: anna?.id ?? '', roles: ['ORDERER'] }),
    )
    expect(loseRole.appCode).toBe('LAST_ADMINISTRATOR')
    const removal = await failureOf(admin.member.remove({ membershipId: anna?.id ?? '' }))
    expect(removal.appCode).toBe('LAST_ADMINISTRATOR')
    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: anna?.id } })).roles).toEqual([
      'ADMIN',
    ])

    // With a second administrator, the first may step down.
    const bertil = org.members[1]?.membership
    await admin.member.setRoles({ membershipId: bertil?.id ?? '', roles: ['ADMIN', 'ORDERER'] })
    await admin.member.setRoles({ membershipId: anna?.id ?? '', roles: ['ORDERER'] })
  })

  it('removes a member, whose session loses the organisation on the next request, and audits it', async () => {
    const { admin, org } = await region()
    const bertil = org.members[1]
    await admin.member.remove({ membershipId: bertil?.membership.id ?? '' })
    expect(await db.prisma.membership.count({ where: { id: bertil?.membership.id } })).toBe(0)
    const { items } = await admin.audit.list({
      actorUserId: org.members[0]?.user.id,
      action: 'member.removed',
    })
    expect(items[0]?.data).toMatchObject({ name: 'Bertil Beställare' })
  })

  it('resends an invitation only to someone who has not logged in yet', async () => {
    const { admin, org, suffix } = await region()
    await admin.member.add({
      name: 'Dora',
      email: `dora.${suffix}@region.example`,
      username: `dora.${suffix}@region.example`,
      roles: ['CONTACT'],
    })
    const { items } = await admin.member.list({ search: 'Dora' })
    await admin.member.resendInvitation({ membershipId: items[0]?.membershipId ?? '' })
    expect(await mailsTo(`dora.${suffix}@region.example`)).toHaveLength(2)
    const active = await failureOf(
      admin.member.resendInvitation({ membershipId: org.members[0]?.membership.id ?? '' }),
    )
    expect(active.appCode).toBe('ALREADY_ACTIVE')
  })

  it('lists members sorted by name, page by page', async () => {
    const { admin } = await region()
    const first = await admin.member.list({ limit: 2 })
    expect(first.items.map((m) => m.name)).toEqual(['Anna Admin', 'Bertil Beställare'])
    const second = await admin.member.list({ limit: 2, cursor: first.nextCursor ?? undefined })
    expect(second.items.map((m) => m.name)).toEqual(['Hans Ansvarig'])
    expect(second.nextCursor).toBeNull()
  })

  it('filters the audit log by date', async () => {
    const { admin } = await region()
    await admin.member.add({
      name: 'E',
      email: `e.${Math.random()}@x.example`,
      username: `e-${Math.random().toString(36).slice(2)}`,
      roles: ['ORDERER'],
    })
    expect((await admin.audit.list({ from: new Date(Date.now() - 60_000) })).items.length).toBeGreaterThan(0)
    expect((await admin.audit.list({ to: new Date(Date.now() - 60_000) })).items).toHaveLength(0)
  })

  it('answers 20 identical parallel adds without a server error, and makes one membership', async () => {
    const { org, admin, suffix } = await region()
    const person = {
      name: 'Samma Person',
      email: `samma.${suffix}@norrby.example`,
      username: `samma.${suffix}@norrby.example`,
    }
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => codeOf(admin.member.add({ ...person, roles: ['ORDERER'] }))),
    )
    for (const code of codes) expect(['OK', 'CONFLICT']).toContain(code)
    expect(
      await db.prisma.membership.count({
        where: { organizationId: org.organization.id, user: { email: person.email } },
      }),
    ).toBe(1)
  })
})
