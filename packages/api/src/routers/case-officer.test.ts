import { createOrgWithMembers, type Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listPairs, resolveActor } from '../services/sessions.ts'
import { signIn } from '../services/sign-in.ts'
import { actorFor, callerFor, failureOf, TEST_AUTH_SETTINGS } from '../testing/world.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

async function bank() {
  const suffix = Math.random().toString(36).slice(2, 8)
  const org = await createOrgWithMembers(db.prisma, {
    name: `Testbanken ${suffix}`,
    members: [{ name: 'Hans Ansvarig', email: `hans.${suffix}@bank.example`, roles: ['RESPONSIBLE'] }],
  })
  return { org, responsible: callerFor(db, actorFor(org, 'RESPONSIBLE')), suffix }
}

describe('Registrera handläggare', () => {
  it('registers internal and external handläggare into the two tables, with the external organisation and end date', async () => {
    const { org, responsible, suffix } = await bank()
    await responsible.caseOfficer.add({
      kind: 'internal',
      name: 'Ida Intern',
      username: `ida-${suffix}`,
      email: `ida.${suffix}@bank.example`,
    })
    const endsAt = new Date(Date.now() + 30 * 86_400_000)
    await responsible.caseOfficer.add({
      kind: 'external',
      name: 'Johan Konsult',
      organizationName: 'Konsultbolaget AB',
      username: `johan-${suffix}`,
      email: `johan.${suffix}@konsult.example`,
      endsAt,
    })
    const { internal, external } = await responsible.caseOfficer.list()
    expect(internal).toEqual([
      expect.objectContaining({ name: 'Ida Intern', organizationName: org.organization.name }),
    ])
    expect(external).toEqual([
      expect.objectContaining({ name: 'Johan Konsult', organizationName: 'Konsultbolaget AB', endsAt }),
    ])
    const invitation = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { recipient: `johan.${suffix}@konsult.example` },
    })
    expect(invitation.text).toContain('Hans Ansvarig har lagt till dig')
    expect(invitation.text).toContain('Handläggare')
  })

  it('"Ta bort" withdraws the role, removes a membership left without roles, and the person’s next request is refused', async () => {
    const { org, responsible, suffix } = await bank()
    const password = 'handläggarens långa lösenord'
    await responsible.caseOfficer.add({
      kind: 'internal',
      name: 'Ida Intern',
      username: `ida-${suffix}`,
      email: `ida.${suffix}@bank.example`,
    })
    await db.prisma.user.update({
      where: { username: `ida-${suffix}` },
      data: { passwordHash: await (await import('@kundnav/db')).hashPassword(password) },
    })
    const { token } = await signIn(
      db,
      TEST_AUTH_SETTINGS,
      { username: `ida-${suffix}`, password },
      { clientAddress: 'x', userAgent: null },
    )
    const ida = await resolveActor(db, TEST_AUTH_SETTINGS, token)
    expect(ida).toMatchObject({ organizationId: org.organization.id, role: 'CASE_OFFICER' })

    const { internal } = await responsible.caseOfficer.list()
    expect(await responsible.caseOfficer.remove({ membershipId: internal[0]?.membershipId ?? '' })).toEqual({
      membershipRemoved: true,
    })

    const next = await resolveActor(db, TEST_AUTH_SETTINGS, token)
    expect(next).toMatchObject({ organizationId: null, role: null })
    await expect(callerFor(db, next).caseOfficer.list()).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('keeps the membership and the other roles of a person who is more than a handläggare', async () => {
    const { org, responsible } = await bank()
    const user = await db.prisma.user.create({
      data: {
        name: 'Dubbel',
        email: `dubbel.${Math.random()}@bank.example`,
        username: `dubbel-${Math.random()}`,
      },
    })
    const membership = await db.prisma.membership.create({
      data: { userId: user.id, organizationId: org.organization.id, roles: ['CASE_OFFICER', 'CONTACT'] },
    })
    expect(await responsible.caseOfficer.remove({ membershipId: membership.id })).toEqual({
      membershipRemoved: false,
    })
    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).roles).toEqual([
      'CONTACT',
    ])
  })

  it('is the Ansvarig’s alone: a handläggare may not register others', async () => {
    const { org } = await bank()
    const officer = await createOrgWithMembers(db.prisma, { members: [{ roles: ['CASE_OFFICER'] }] })
    await expect(callerFor(db, actorFor(officer, 'CASE_OFFICER')).caseOfficer.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(org).toBeTruthy()
  })
})

describe('Ansvarig is assigned by provider support', () => {
  it('lets support make a member Ansvarig, who then may register handläggare; customers cannot', async () => {
    const { org } = await bank()
    const provider = await createOrgWithMembers(db.prisma, {
      type: 'PROVIDER',
      members: [{ roles: ['PROVIDER_SUPPORT'] }],
    })
    const support = callerFor(db, actorFor(provider, 'PROVIDER_SUPPORT'))
    const candidate = await createOrgWithMembers(db.prisma, { members: [{ roles: ['ORDERER'] }] })
    // Another organisation's membership id is "not found" in this one.
    await expect(
      support.support.setResponsible({
        organizationId: org.organization.id,
        membershipId: candidate.members[0]?.membership.id ?? '',
        responsible: true,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })

    const members = await support.support.members({ organizationId: org.organization.id })
    const hans = members.find((m) => m.name === 'Hans Ansvarig')
    expect(hans?.roles).toEqual(['RESPONSIBLE'])
    const found = await support.support.organizations({ search: org.organization.name.slice(0, 12) })
    expect(found.map((o) => o.id)).toContain(org.organization.id)

    const ordererMembership = await db.prisma.membership.create({
      data: {
        organizationId: org.organization.id,
        roles: ['ORDERER'],
        userId: (
          await db.prisma.user.create({
            data: {
              name: 'Olle',
              email: `olle.${Math.random()}@x.example`,
              username: `olle-${Math.random()}`,
            },
          })
        ).id,
      },
    })
    expect(
      await support.support.setResponsible({
        organizationId: org.organization.id,
        membershipId: ordererMembership.id,
        responsible: true,
      }),
    ).toEqual({ roles: ['ORDERER', 'RESPONSIBLE'] })
    const audit = await db.prisma.auditEvent.findFirst({
      where: { action: 'member.responsible_assigned', targetId: ordererMembership.id },
    })
    expect(audit?.actorRole).toBe('PROVIDER_SUPPORT')
  })

  it('cannot cut off a member: the end date must lie ahead and ends the handläggare grant alone', async () => {
    const suffix = Math.random().toString(36).slice(2, 8)
    const org = await createOrgWithMembers(db.prisma, {
      name: `Byrån ${suffix}`,
      members: [
        {
          name: 'Greta Admin',
          email: `greta.${suffix}@byran.example`,
          roles: ['ADMIN'],
          password: 'gretas långa lösenord',
        },
        { name: 'Rolf Ansvarig', email: `rolf.${suffix}@byran.example`, roles: ['RESPONSIBLE'] },
      ],
    })
    const responsible = callerFor(db, actorFor(org, 'RESPONSIBLE'))
    const external = (email: string, endsAt: Date) =>
      responsible.caseOfficer.add({
        kind: 'external',
        name: 'x',
        organizationName: 'Ex AB',
        username: `x-${suffix}`,
        email,
        endsAt,
      })
    const gretaEmail = `greta.${suffix}@byran.example`
    const past = await failureOf(external(gretaEmail, new Date('2000-01-01T00:00:00Z')))
    expect(past).toMatchObject({ appCode: 'END_DATE_PASSED', field: 'endsAt' })

    // The only administrator registered as external handläggare keeps being administrator after the end.
    const soon = new Date(Date.now() + 60_000)
    await external(gretaEmail, soon)
    const greta = await db.prisma.membership.findFirstOrThrow({
      where: { organizationId: org.organization.id, user: { email: gretaEmail } },
      include: { roleEnds: true },
    })
    expect(greta.roles).toEqual(['ADMIN', 'CASE_OFFICER'])
    expect(greta.roleEnds).toEqual([expect.objectContaining({ role: 'CASE_OFFICER', endsAt: soon })])
    await db.prisma.membershipRoleEnd.updateMany({
      where: { membershipId: greta.id },
      data: { endsAt: new Date(Date.now() - 1000) },
    })
    const pairs = await listPairs(db.prisma, greta.userId)
    expect(pairs.filter((p) => p.organizationId === org.organization.id).map((p) => p.role)).toEqual([
      'ADMIN',
    ])
    const { external: listed } = await responsible.caseOfficer.list()
    expect(listed).toEqual([expect.objectContaining({ membershipId: greta.id, status: 'ENDED' })])
    // Registering her again is "already there", not a second grant.
    expect((await failureOf(external(gretaEmail, new Date(Date.now() + 86_400_000)))).appCode).toBe(
      'ALREADY_MEMBER',
    )

    // A new person with an end date in the past is refused too, and nothing is created.
    expect((await failureOf(external(`ny.${suffix}@ex.example`, new Date(Date.now() - 1000)))).appCode).toBe(
      'END_DATE_PASSED',
    )
    expect(await db.prisma.user.count({ where: { email: `ny.${suffix}@ex.example` } })).toBe(0)
  })
})
