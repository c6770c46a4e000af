import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client.ts'
import { verifyPassword } from '../password.ts'
import { repoRoot } from '../paths.ts'
import { createTestDb } from '../testing/test-db.ts'
import { seedDemo } from './demo.ts'
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})

describe('demo seed', () => {
  it('creates one provider, the customer, agent and bureau organisations and a person for every role', async () => {
    // As at start-up, the catalogue is written first (here just its Webcert service).
    await db.prisma.service.create({
      data: { code: 'webcert', nameSv: 'Webcert', nameEn: 'Webcert', descriptionSv: '', descriptionEn: '' },
    })
    const result = await seedDemo(db.prisma)
    expect(result.changed).toBe(true)
    expect(await db.prisma.organization.count({ where: { type: 'PROVIDER' } })).toBe(1)
    expect(await db.prisma.organization.count()).toBe(DEMO_ORGANIZATIONS.length)
    const memberships = await db.prisma.membership.findMany()
    const roles = new Set(memberships.flatMap((membership) => membership.roles))
    expect([...roles].sort()).toEqual(
      [
        'ADMIN',
        'AGENT_OFFICER',
        'ATTESTER',
        'CASE_OFFICER',
        'CONTACT',
        'ORDERER',
        'PROVIDER_REVIEWER',
        'PROVIDER_SUPPORT',
        'RESPONSIBLE',
        'SIGNATORY',
      ].sort(),
    )
    const johan = await db.prisma.membership.findFirstOrThrow({
      where: { user: { email: 'johan@konsultbolaget.example' } },
    })
    expect(johan.externalOrganizationName).toBe('Konsultbolaget AB (demo)')
    const agent = await db.prisma.organization.findFirstOrThrow({
      where: { name: 'Journalsystem AB (demo)' },
      include: { agentAssignments: { include: { service: true } } },
    })
    expect(agent.isAgent).toBe(true)
    expect(agent.agentAssignments.map((assignment) => assignment.service.code)).toEqual(['webcert'])
    const hans = await db.prisma.user.findUniqueOrThrow({ where: { username: 'testbanken' } })
    expect(await verifyPassword(hans.passwordHash ?? '', DEMO_PASSWORD)).toBe(true)
  })

  it('is idempotent: a second run changes nothing and keeps a password someone changed', async () => {
    await db.prisma.user.update({ where: { username: 'testbanken' }, data: { passwordHash: 'changed' } })
    const before = await db.prisma.membership.count()
    const result = await seedDemo(db.prisma)
    expect(result.changed).toBe(false)
    expect(await db.prisma.membership.count()).toBe(before)
    expect(await db.prisma.user.count()).toBe(DEMO_PEOPLE.length)
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: 'testbanken' } })).passwordHash).toBe(
      'changed',
    )
  })

  it('is the list of people and the password the README gives', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    expect(readme).toContain(DEMO_PASSWORD)
    for (const person of DEMO_PEOPLE) {
      expect(readme, `README lists ${person.email}`).toContain(person.email)
      expect(readme).toContain(person.name)
    }
  })
})
