import { randomInt, randomUUID } from 'node:crypto'
import type {
  Language,
  Membership,
  Organization,
  OrganizationType,
  Prisma,
  PrismaClient,
  Role,
  User,
} from './generated/prisma/client.ts'
import { hashPassword } from './password.ts'

type Tx = Prisma.TransactionClient | PrismaClient

/** Luhn check digit for the nine digits before it. */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0
  for (let index = 0; index < 9; index++) {
    let digit = Number(nineDigits[8 - index])
    if (index % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return (10 - (sum % 10)) % 10
}

/** A random organisationsnummer with a valid check digit (third digit ≥ 2, as for legal entities). */
export function randomOrgNumber(): string {
  const nine = `55${randomInt(2, 10)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`
  return `${nine}${luhnCheckDigit(nine)}`
}

export interface OrganizationInput {
  name?: string
  orgNumber?: string
  type?: OrganizationType
  /** The agent capability ("Agent / Systemleverantör"). */
  isAgent?: boolean
}

export function createOrganization(db: Tx, input: OrganizationInput = {}): Promise<Organization> {
  return db.organization.create({
    data: {
      name: input.name ?? `Organisation ${randomUUID().slice(0, 8)}`,
      orgNumber: input.orgNumber ?? randomOrgNumber(),
      type: input.type ?? 'CUSTOMER',
      isAgent: input.isAgent ?? false,
    },
  })
}

export interface UserInput {
  name?: string
  email?: string
  /** Defaults to the e-mail address. */
  username?: string
  /** A verified mobile number in E.164: signing codes go there. */
  mobile?: string | null
  /** A password to hash and store; none means the person must set one through the mailed link. */
  password?: string
  /** The language mail is written in; Swedish unless given. */
  language?: Language
}

export async function createUser(db: Tx, input: UserInput = {}): Promise<User> {
  const email = (input.email ?? `person-${randomUUID().slice(0, 12)}@test.example`).toLowerCase()
  return db.user.create({
    data: {
      name: input.name ?? 'Test Testsson',
      email,
      username: (input.username ?? email).toLowerCase(),
      mobile: input.mobile ?? null,
      mobileVerifiedAt: input.mobile ? new Date() : null,
      language: input.language ?? 'sv',
      passwordHash: input.password ? await hashPassword(input.password) : null,
    },
  })
}

export function addMembership(
  db: Tx,
  input: { userId: string; organizationId: string; roles: Role[] },
): Promise<Membership> {
  return db.membership.create({ data: input })
}

export interface OrgWithMembers {
  organization: Organization
  members: { user: User; membership: Membership }[]
}

/** An organisation with its members, each with their roles: the world a test asserts on. */
export async function createOrgWithMembers(
  db: Tx,
  input: OrganizationInput & { members?: (UserInput & { roles: Role[] })[] },
): Promise<OrgWithMembers> {
  const { members = [], ...orgInput } = input
  const organization = await createOrganization(db, orgInput)
  const created: OrgWithMembers['members'] = []
  for (const { roles, ...userInput } of members) {
    const user = await createUser(db, userInput)
    const membership = await addMembership(db, { userId: user.id, organizationId: organization.id, roles })
    created.push({ user, membership })
  }
  return { organization, members: created }
}
