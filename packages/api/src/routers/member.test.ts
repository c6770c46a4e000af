import { randomUUID } from 'node:crypto'
import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { listPairs } from '../services/sessions.ts'
import { signIn } from '../services/sign-in.ts'
import { actorFor, callerFor, failureOf, TEST_AUTH_SETTINGS } from '../testing/world.ts'

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
      // Only the person sets their number, verified by a code: an administrator's is not taken.
      ...{ mobile: '070-111 22 33' },
      roles: ['ATTESTER'],
    })

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({
      name: 'Cecilia Ny',
      username: `cecilia-${suffix}`,
      mobile: null,
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
    expect(items[0]).toMatchObject({ roles: ['ATTESTER'], lastSignedInAt: null, status: 'INVITED' })
    const expiresInDays = ((items[0]?.invitationExpiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000
    expect(expiresInDays).toBeGreaterThan(6.9)
    const audit = await admin.audit.list({ action: 'member.' })
    expect(audit.items[0]).toMatchObject({
      action: 'member.added',
      actorName: 'Anna Admin',
      actorRole: 'ADMIN',
    })
  })

  it('only invites an existing account: no access, none of its data shown, until the person accepts', async () => {
    const { org, admin, suffix } = await region()
    const elsewhere = await region()
    const account = elsewhere.org.members[1]?.user
    if (!account) throw new Error('no user')
    const existing = await db.prisma.user.update({
      where: { id: account.id },
      data: { name: `Riktigt Namn ${suffix}`, username: `riktig-${suffix}` },
    })
    const newcomer = await admin.member.add({
      name: 'Helt Ny',
      email: `helt.ny.${suffix}@x.example`,
      username: `helt-ny-${suffix}`,
      roles: ['ORDERER'],
    })
    const invited = await admin.member.add({
      name: 'Annat Namn',
      email: existing.email.toUpperCase(),
      username: `vad-som-helst-${suffix}`,
      roles: ['CONTACT'],
    })
    // The same answer either way, and nothing the adder typed is applied to the account.
    expect(Object.keys(invited)).toEqual(Object.keys(newcomer))
    const unchanged = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.id } })
    expect(unchanged).toMatchObject({ name: existing.name, username: existing.username })

    // The list shows what the adder typed, "Inbjuden", and no sign-in from anywhere.
    const row = (await admin.member.list({})).items.find((m) => m.membershipId === invited.membershipId)
    expect(row).toMatchObject({
      name: 'Annat Namn',
      username: `vad-som-helst-${suffix}`,
      status: 'INVITED',
      lastSignedInAt: null,
    })
    const shown = JSON.stringify(await admin.member.list({}))
    expect(shown).not.toContain(existing.username)
    expect(shown).not.toContain(existing.name)
    expect((await admin.member.list({ search: 'Riktigt' })).items).toHaveLength(0)

    // Until accepted the membership gives no access.
    const pairsOf = () => listPairs(db.prisma, existing.id)
    expect((await pairsOf()).map((p) => p.organizationId)).not.toContain(org.organization.id)
    const mail = (await mailsTo(existing.email)).at(-1)
    expect(mail?.subject).toBe(`${org.organization.name} vill lägga till dig i Kundnav`)
    expect(mail?.text).toContain('Kontaktperson')
    expect(mail?.text).toContain('http://portal.test/inbjudningar')

    const person = callerFor(db, signedIn(existing))
    const [invitation] = await person.invitation.list()
    expect(invitation).toMatchObject({
      organizationName: org.organization.name,
      roles: ['CONTACT'],
      invitedBy: 'Anna Admin',
      expired: false,
    })
    await person.invitation.accept({ membershipId: invitation?.membershipId ?? '' })
    expect(await pairsOf()).toContainEqual(
      expect.objectContaining({ organizationId: org.organization.id, role: 'CONTACT' }),
    )
    expect(await person.invitation.list()).toEqual([])
    // A second answer (another tab) finds nothing to answer.
    const again = await failureOf(person.invitation.accept({ membershipId: invitation?.membershipId ?? '' }))
    expect(again.appCode).toBe('INVITATION_NOT_FOUND')
    const accepted = (await admin.member.list({})).items.find((m) => m.membershipId === invited.membershipId)
    expect(accepted).toMatchObject({ name: existing.name, status: 'ACTIVE' })
    expect((await admin.audit.list({ action: 'member.invitation' })).items[0]?.action).toBe(
      'member.invitation_accepted',
    )
  })

  it('tells the adder nothing about an existing account: both kinds of address meet the same answers', async () => {
    const { org, admin, suffix } = await region()
    const elsewhere = await region()
    const existing = elsewhere.org.members[1]?.user
    if (!existing) throw new Error('no user')
    const fresh = `ny.${suffix}@x.example`
    const add = (email: string, key: string) =>
      admin.member.add({ name: `Inbjuden ${key}`, email, username: `u-${key}-${suffix}`, roles: ['ADMIN'] })
    const added = { n: await add(fresh, 'n'), e: await add(existing.email, 'e') }

    // The list: the same fields, no account id, no sign-in.
    const { items } = await admin.member.list({ search: 'Inbjuden' })
    const seen = (key: 'n' | 'e') => {
      const row = items.find((item) => item.membershipId === added[key].membershipId)
      const { membershipId: _, name, email: __, username, invitationExpiresAt: ___, ...rest } = row ?? {}
      return { name: name === `Inbjuden ${key}`, username: username === `u-${key}-${suffix}`, ...rest }
    }
    expect(seen('e')).toEqual(seen('n'))
    expect(seen('n')).toMatchObject({ userId: null, status: 'INVITED', lastSignedInAt: null })

    // The log: the same event, naming what the adder typed.
    const events = (await admin.audit.list({ action: 'member.added' })).items
    expect(events.map((event) => Object.keys(event.data as object).sort())).toEqual([
      ['name', 'roles'],
      ['name', 'roles'],
    ])

    // Neither invitation is an administrator to step down for.
    const anna = org.members[0]?.membership
    const stepDown = await failureOf(
      admin.member.setRoles({ membershipId: anna?.id ?? '', roles: ['ORDERER'] }),
    )
    expect(stepDown.appCode).toBe('LAST_ADMINISTRATOR')

    // The usernames typed for either are taken alike.
    for (const key of ['n', 'e']) {
      const again = await failureOf(
        admin.member.add({
          name: 'Tredje',
          email: `tredje.${key}.${suffix}@x.example`,
          username: `u-${key}-${suffix}`,
          roles: ['ORDERER'],
        }),
      )
      expect(again.appCode).toBe('USERNAME_TAKEN')
    }

    // A wrong password for either address leaves nothing in the organisation's log.
    for (const email of [fresh, existing.email]) {
      await signIn(
        db,
        TEST_AUTH_SETTINGS,
        { username: email, password: 'fel' },
        { clientAddress: 'x', userAgent: null },
      ).catch(() => null)
    }
    expect((await admin.audit.list({ action: 'login.' })).items).toEqual([])
  })

  it('leaves no access after a declined invitation, and refuses one that has expired', async () => {
    const { org, admin, suffix } = await region()
    const elsewhere = await region()
    const existing = elsewhere.org.members[1]?.user
    if (!existing) throw new Error('no user')
    const person = callerFor(db, signedIn(existing))

    const { membershipId } = await admin.member.add({
      name: 'Bertil',
      email: existing.email,
      username: `bertil-${suffix}`,
      roles: ['ADMIN'],
    })
    // An unanswered invitation as administrator is no second administrator.
    const anna = org.members[0]?.membership
    const stepDown = await failureOf(
      admin.member.setRoles({ membershipId: anna?.id ?? '', roles: ['ORDERER'] }),
    )
    expect(stepDown.appCode).toBe('LAST_ADMINISTRATOR')

    await person.invitation.decline({ membershipId })
    expect(await db.prisma.membership.count({ where: { id: membershipId } })).toBe(0)
    expect((await listPairs(db.prisma, existing.id)).map((p) => p.organizationId)).not.toContain(
      org.organization.id,
    )
    const declined = (await admin.audit.list({ action: 'member.invitation' })).items[0]
    expect(declined).toMatchObject({ action: 'member.invitation_declined', actorName: null })

    // Someone else's invitation is not theirs to answer.
    const again = await admin.member.add({
      name: 'Bertil',
      email: existing.email,
      username: `bertil-${suffix}`,
      roles: ['ORDERER'],
    })
    const stranger = callerFor(db, signedIn(org.members[1]?.user ?? existing))
    expect((await failureOf(stranger.invitation.accept(again))).appCode).toBe('INVITATION_NOT_FOUND')

    await db.prisma.membership.update({
      where: { id: again.membershipId },
      data: { invitationExpiresAt: new Date(Date.now() - 1000) },
    })
    expect((await person.invitation.list())[0]).toMatchObject({ expired: true })
    expect((await failureOf(person.invitation.accept(again))).appCode).toBe('INVITATION_EXPIRED')
    // "Skicka inbjudan igen" gives another week.
    await admin.member.resendInvitation(again)
    await person.invitation.accept(again)
    expect((await listPairs(db.prisma, existing.id)).map((p) => p.organizationId)).toContain(
      org.organization.id,
    )
  })

  it('keeps usernames and e-mail addresses one namespace, so sign-in finds at most one account', async () => {
    const { admin, org, suffix } = await region()
    const bertil = org.members[1]?.user
    if (!bertil) throw new Error('no user')
    const taken = await db.prisma.user.create({
      data: { name: 'Kalle', email: `kalle.${suffix}@x.example`, username: `kalle.${suffix}@annan.example` },
    })
    // A new address may not be another account's username …
    const emailClash = await failureOf(
      admin.member.add({ name: 'X', email: taken.username, username: `x-${suffix}`, roles: ['ORDERER'] }),
    )
    expect(emailClash).toMatchObject({ appCode: 'EMAIL_TAKEN', field: 'email' })
    // … nor a new username another account's address.
    const usernameClash = await failureOf(
      admin.member.add({
        name: 'Y',
        email: `y.${suffix}@x.example`,
        username: bertil.email,
        roles: ['ORDERER'],
      }),
    )
    expect(usernameClash).toMatchObject({ appCode: 'USERNAME_TAKEN', field: 'username' })
    // The database holds to it whatever writes the row.
    await expect(
      db.prisma.user.create({
        data: { name: 'Z', email: `z.${suffix}@x.example`, username: taken.email },
      }),
    ).rejects.toMatchObject({ code: 'P2002' })
    await expect(
      db.prisma.user.update({ where: { id: bertil.id }, data: { email: taken.username } }),
    ).rejects.toMatchObject({ code: 'P2002' })
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

  it('answers 20 identical parallel adds with one membership, one mail, one audit event', async () => {
    const { org, admin, suffix } = await region()
    const person = {
      name: 'Samma Person',
      email: `samma.${suffix}@norrby.example`,
      username: `samma.${suffix}@norrby.example`,
    }
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        admin.member.add({ ...person, roles: ['ORDERER'] }).then(
          () => 'OK',
          (error: unknown) =>
            error instanceof AppError ? `${error.appCode}: ${error.message}` : String(error),
        ),
      ),
    )
    expect(results.filter((result) => result === 'OK')).toHaveLength(1)
    expect(results.filter((result) => result !== 'OK')).toEqual(
      Array(19).fill('ALREADY_MEMBER: Personen finns redan i organisationen.'),
    )
    expect(
      await db.prisma.membership.count({
        where: { organizationId: org.organization.id, user: { email: person.email } },
      }),
    ).toBe(1)
    expect(await mailsTo(person.email)).toHaveLength(1)
    expect((await admin.audit.list({ action: 'member.added' })).items).toHaveLength(1)
  })
})

/** A signed-in person who has not chosen a pair (as after signing in with invitations waiting). */
function signedIn(user: { id: string; name: string }): SessionActor {
  return {
    sessionId: randomUUID(),
    userId: user.id,
    name: user.name,
    organizationId: null,
    organizationType: null,
    role: null,
  }
}
