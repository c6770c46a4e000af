import type { Prisma, PrismaClient } from '../generated/prisma/client.ts'
import { hashPassword } from '../password.ts'
import { seedDemoCases } from './demo-cases.ts'
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from './demo-data.ts'

export interface SeedResult {
  /** False when everything was already there. */
  changed: boolean
  people: { username: string; email: string; name: string; roles: string[] }[]
}

/**
 * Seeds the demo organisations and people. Idempotent: what exists is left as it is (passwords a
 * person changed stay changed); what is missing is added. All in one transaction.
 */
export async function seedDemo(prisma: PrismaClient): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return prisma.$transaction(
    async (tx) => {
      let changed = false
      const orgIds = new Map<string, string>()
      for (const org of DEMO_ORGANIZATIONS) {
        const existing = await tx.organization.findUnique({ where: { orgNumber: org.orgNumber } })
        const row =
          existing ??
          (await tx.organization.create({
            data: {
              name: org.name,
              orgNumber: org.orgNumber,
              type: org.type,
              isAgent: Boolean(org.agentFor),
            },
          }))
        changed ||= !existing
        orgIds.set(org.key, row.id)
        changed = (await seedAgentAssignments(tx, row.id, org.agentFor ?? [])) || changed
      }
      for (const person of DEMO_PEOPLE) {
        changed = (await seedPerson(tx, person, orgIds, passwordHash)) || changed
      }
      // After the people: the demo cases are theirs.
      changed = (await seedDemoCases(tx)) || changed
      return { changed, people: DEMO_PEOPLE.map(describe) }
    },
    { timeout: 60_000 },
  )
}

/** The catalogue is written at start-up before the demo data, so the services exist; missing ones are skipped. */
async function seedAgentAssignments(
  tx: Prisma.TransactionClient,
  agentOrganizationId: string,
  serviceCodes: string[],
): Promise<boolean> {
  let changed = false
  for (const code of serviceCodes) {
    const service = await tx.service.findUnique({ where: { code } })
    if (!service) continue
    const existing = await tx.agentAssignment.findUnique({
      where: { serviceId_agentOrganizationId: { serviceId: service.id, agentOrganizationId } },
    })
    if (existing) continue
    await tx.agentAssignment.create({ data: { serviceId: service.id, agentOrganizationId } })
    changed = true
  }
  return changed
}

async function seedPerson(
  tx: Prisma.TransactionClient,
  person: DemoPerson,
  orgIds: Map<string, string>,
  passwordHash: string,
): Promise<boolean> {
  let changed = false
  const email = person.email.toLowerCase()
  let user = await tx.user.findUnique({ where: { email } })
  if (!user) {
    user = await tx.user.create({
      data: {
        name: person.name,
        email,
        username: (person.username ?? email).toLowerCase(),
        mobile: person.mobile,
        mobileVerifiedAt: new Date(),
        passwordHash,
      },
    })
    changed = true
  }
  for (const { organization, roles, externalOrganizationName } of person.memberships) {
    const organizationId = orgIds.get(organization)
    if (!organizationId) throw new Error(`Unknown demo organisation ${organization}`)
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: user.id, organizationId } },
    })
    if (!existing) {
      await tx.membership.create({
        data: {
          userId: user.id,
          organizationId,
          roles,
          externalOrganizationName: externalOrganizationName ?? null,
        },
      })
      changed = true
    }
  }
  return changed
}

function describe(person: DemoPerson) {
  const orgName = (key: string) => DEMO_ORGANIZATIONS.find((org) => org.key === key)?.name ?? key
  return {
    name: person.name,
    email: person.email,
    username: person.username ?? person.email,
    roles: person.memberships.map((m) => `${m.roles.join(', ')} @ ${orgName(m.organization)}`),
  }
}
