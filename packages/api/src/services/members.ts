import { enqueueMail, type Language, type Prisma, type Role } from '@kundnav/db'
import { AppError } from '../errors.ts'
import { invitationMail, membershipInvitationMail } from '../mail/templates.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { createPasswordLink } from './passwords.ts'

type Tx = Prisma.TransactionClient

export interface Acting {
  userId: string
  organizationId: string
  role: Role
}

export interface PersonToAdd {
  name: string
  email: string
  username: string
  roles: Role[]
  /** An external handläggare's organisation and optional end date. */
  external?: { organizationName: string; endsAt: Date | null } | undefined
}

/** Locks the organisation row, so concurrent role changes can't both remove "the other" last administrator. */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`
}

/**
 * Serialises every write that creates an account or changes its names; the trigger guarding the shared
 * username/e-mail namespace takes the same lock (migration "account_namespace_and_invitations").
 */
async function lockAccountNamespace(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('kundnav:account-namespace'))::text`
}

/** How long an invitation can be answered (and an invitation's set-password link used). */
export const INVITATION_DAYS = 7

function invitationExpiry(): Date {
  return new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
}

const ALREADY_MEMBER_MESSAGE = 'Personen finns redan i organisationen.'

/**
 * Adds a person to the acting organisation. For a new account this is an invitation with a set-password
 * link. An existing account (same e-mail address) is only asked: the membership gives no access until the
 * person accepts it in the portal, and nothing the adder typed is applied to the account. The answer, the
 * list and the log look the same either way, so the adder can't tell whether the account existed.
 *
 * Concurrent identical adds queue on the organisation's lock: the first adds, the rest are told the person
 * is already there — one membership, one mail, one audit event.
 */
export async function addPerson(
  tx: Tx,
  settings: AuthSettings,
  acting: Acting,
  person: PersonToAdd,
): Promise<{ membershipId: string }> {
  await lockOrganization(tx, acting.organizationId)
  await lockAccountNamespace(tx)
  if (person.external?.endsAt) assertEndDateAhead(person.external.endsAt)
  const [organization, adder] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: acting.organizationId } }),
    tx.user.findUniqueOrThrow({ where: { id: acting.userId }, select: { name: true } }),
  ])
  const named = await tx.user.findMany({
    where: {
      OR: [
        { email: person.email },
        { username: person.email },
        { username: person.username },
        { email: person.username },
      ],
    },
    select: { id: true, name: true, email: true, username: true, language: true },
  })
  const existing = named.find((account) => account.email === person.email) ?? null
  // Usernames and e-mail addresses are one namespace. The typed username is checked against every account
  // (the existing one too, unless it is just the typed address) and every open invitation's, so the
  // answer is the same whether or not the address had an account.
  if (named.some((account) => account !== existing && account.username === person.email)) {
    throw new AppError(
      'CONFLICT',
      'EMAIL_TAKEN',
      'E-postadressen är användarnamn för ett annat konto. Ange en annan e-postadress.',
      { field: 'email' },
    )
  }
  const usernameIsAddress = person.username === person.email
  const reservedByInvitation =
    !usernameIsAddress &&
    (await tx.membership.count({ where: { acceptedAt: null, invitedUsername: person.username } })) > 0
  if (
    reservedByInvitation ||
    named.some(
      (account) =>
        (account !== existing || !usernameIsAddress) &&
        (account.username === person.username || account.email === person.username),
    )
  ) {
    throw new AppError('CONFLICT', 'USERNAME_TAKEN', 'Användarnamnet är upptaget. Välj ett annat.', {
      field: 'username',
    })
  }

  const membership = existing
    ? await tx.membership.findUnique({
        where: { userId_organizationId: { userId: existing.id, organizationId: acting.organizationId } },
        include: { roleEnds: true },
      })
    : null
  if (membership) {
    return addRolesToMembership(tx, acting, membership, person)
  }

  const user =
    existing ??
    (await tx.user.create({
      data: {
        name: person.name,
        email: person.email,
        username: person.username,
      },
      select: { id: true, name: true, email: true, username: true, language: true },
    }))
  const expiresAt = invitationExpiry()
  const saved = await tx.membership.create({
    data: {
      userId: user.id,
      organizationId: acting.organizationId,
      roles: person.roles,
      externalOrganizationName: person.external?.organizationName ?? null,
      // A new account was made for this membership: choosing a password is the acceptance.
      acceptedAt: existing ? null : new Date(),
      invitedName: person.name,
      invitedUsername: person.username,
      invitedByUserId: acting.userId,
      invitationExpiresAt: expiresAt,
      ...(person.external?.endsAt
        ? {
            roleEnds: {
              create: person.roles.map((role) => ({ role, endsAt: person.external?.endsAt as Date })),
            },
          }
        : {}),
    },
  })
  await mailInvitation(tx, settings, {
    user,
    newAccount: !existing,
    invitedBy: adder.name,
    organizationName: organization.name,
    roles: person.roles,
    expiresAt,
  })
  await recordAudit(tx, {
    organizationId: acting.organizationId,
    actorUserId: acting.userId,
    actorRole: acting.role,
    action: 'member.added',
    targetType: 'Membership',
    targetId: saved.id,
    data: {
      name: person.name,
      roles: person.roles,
      ...(person.external ? { externalOrganizationName: person.external.organizationName } : {}),
    },
  })
  return { membershipId: saved.id }
}

/**
 * A person already in the organisation: "Registrera handläggare" gives them the handläggare grant (with its
 * own end date, so it ends alone); anything else is "already there".
 */
async function addRolesToMembership(
  tx: Tx,
  acting: Acting,
  membership: { id: string; userId: string; organizationId: string; roles: Role[]; acceptedAt: Date | null },
  person: PersonToAdd,
): Promise<{ membershipId: string }> {
  const added = person.roles.filter((role) => !membership.roles.includes(role))
  if (!person.roles.includes('CASE_OFFICER') || added.length === 0) {
    throw new AppError('CONFLICT', 'ALREADY_MEMBER', ALREADY_MEMBER_MESSAGE, { field: 'email' })
  }
  const endsAt = person.external?.endsAt ?? null
  await saveRoles(
    tx,
    membership,
    [...membership.roles, ...added],
    person.external ? { externalOrganizationName: person.external.organizationName } : {},
  )
  if (endsAt) {
    await tx.membershipRoleEnd.createMany({
      data: added.map((role) => ({ membershipId: membership.id, role, endsAt })),
    })
  }
  await recordAudit(tx, {
    organizationId: acting.organizationId,
    actorUserId: acting.userId,
    actorRole: acting.role,
    action: 'member.roles_changed',
    targetType: 'Membership',
    targetId: membership.id,
    data: {
      before: membership.roles,
      after: [...membership.roles, ...added],
      ...(person.external ? { externalOrganizationName: person.external.organizationName } : {}),
    },
  })
  return { membershipId: membership.id }
}

/** An end date is for ending access later; one in the past would end it before it began. */
function assertEndDateAhead(endsAt: Date): void {
  if (endsAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'END_DATE_PASSED', 'Slutdatumet måste vara i framtiden.', {
      field: 'endsAt',
    })
  }
}

/**
 * Mails an invitation: a new account gets a fresh set-password link (earlier links stop working); an
 * existing account is asked to sign in and answer.
 */
export async function mailInvitation(
  tx: Tx,
  settings: AuthSettings,
  input: {
    user: { id: string; name: string; email: string; username: string; language: Language }
    newAccount: boolean
    invitedBy: string
    organizationName: string
    roles: readonly Role[]
    expiresAt: Date
  },
): Promise<void> {
  const { user } = input
  const content = input.newAccount
    ? invitationMail(user.language, {
        name: user.name,
        invitedBy: input.invitedBy,
        organizationName: input.organizationName,
        roles: input.roles,
        username: user.username,
        link: await createPasswordLink(tx, settings, user.id, 'invite'),
      })
    : membershipInvitationMail(user.language, {
        name: user.name,
        invitedBy: input.invitedBy,
        organizationName: input.organizationName,
        roles: input.roles,
        answerLink: `${settings.publicUrl}/inbjudningar`,
        expiresAt: input.expiresAt,
      })
  await enqueueMail(tx, { to: user.email, ...content })
}

/** The membership, if it belongs to the acting organisation; another organisation's is "not found". */
export async function findMembershipInOrganization(tx: Tx, organizationId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          username: true,
          language: true,
          passwordHash: true,
          lastLoginAt: true,
        },
      },
    },
  })
  if (!membership) memberNotFound()
  return membership
}

function memberNotFound(): never {
  throw new AppError('NOT_FOUND', 'MEMBER_NOT_FOUND', 'Personen finns inte i organisationen.')
}

/**
 * Whether the membership is still an open invitation: an existing account has not answered, or a new
 * account has not chosen its password. The organisation then sees only what the adder typed — not even
 * the account's id, whose UUIDv7 time would tell an old account from one made just now.
 */
export function isOpenInvitation(membership: {
  acceptedAt: Date | null
  user: { passwordHash: string | null; lastLoginAt: Date | null }
}): boolean {
  return (
    membership.acceptedAt === null ||
    (membership.user.passwordHash === null && membership.user.lastLoginAt === null)
  )
}

/** How audit events name the person of a membership: by account id only once the invitation is answered. */
export function personOf(membership: Parameters<typeof isOpenInvitation>[0] & { userId: string }) {
  return isOpenInvitation(membership) ? {} : { userId: membership.userId }
}

/**
 * Memberships whose holder can act as administrator and will go on doing so: accepted by a person who has
 * activated the account (chosen a password or signed in), with an ADMIN role that has no end date. An
 * invitation, new account or existing, is no administrator yet — both count alike, so the answer reveals
 * nothing about the account either.
 */
function lastingAdministrators(organizationId: string): Prisma.MembershipWhereInput {
  return {
    organizationId,
    acceptedAt: { not: null },
    user: { OR: [{ passwordHash: { not: null } }, { lastLoginAt: { not: null } }] },
    roles: { has: 'ADMIN' },
    roleEnds: { none: { role: 'ADMIN' } },
  }
}

/**
 * The one way a membership's roles change or it ends: every path (Administrera medlemmar, Registrera
 * handläggare, provider support, answering an invitation) comes through here, so the organisation always
 * keeps an administrator. No roles left removes the membership; a removed role loses its end date too.
 */
export async function saveRoles(
  tx: Tx,
  membership: { id: string; organizationId: string; roles: Role[]; acceptedAt: Date | null },
  roles: readonly Role[],
  extra: { externalOrganizationName?: string | null } = {},
): Promise<{ membershipRemoved: boolean }> {
  await lockOrganization(tx, membership.organizationId)
  const losesAdministrator =
    membership.acceptedAt !== null && membership.roles.includes('ADMIN') && !roles.includes('ADMIN')
  if (losesAdministrator) {
    const others = await tx.membership.count({
      where: { ...lastingAdministrators(membership.organizationId), id: { not: membership.id } },
    })
    if (others === 0) {
      throw new AppError(
        'CONFLICT',
        'LAST_ADMINISTRATOR',
        'Organisationen måste ha minst en administratör. Ge någon annan rollen Administratör först.',
      )
    }
  }
  // Conditional writes: a membership gone meanwhile (declined, removed in another tab) is "not found".
  if (roles.length === 0) {
    const removed = await tx.membership.deleteMany({ where: { id: membership.id } })
    if (removed.count === 0) memberNotFound()
    return { membershipRemoved: true }
  }
  const updated = await tx.membership.updateMany({
    where: { id: membership.id },
    data: { roles: [...roles], ...extra },
  })
  if (updated.count === 0) memberNotFound()
  await tx.membershipRoleEnd.deleteMany({
    where: { membershipId: membership.id, role: { notIn: [...roles] } },
  })
  return { membershipRemoved: false }
}

/** What an organisation may see of a membership; an open invitation shows only what the adder typed. */
export const MEMBERSHIP_VIEW = {
  roleEnds: { select: { role: true, endsAt: true } },
  user: {
    select: { id: true, name: true, email: true, username: true, passwordHash: true, lastLoginAt: true },
  },
} satisfies Prisma.MembershipInclude

type MembershipWithView = Prisma.MembershipGetPayload<{ include: typeof MEMBERSHIP_VIEW }>

export type MembershipStatus = 'INVITED' | 'ACTIVE' | 'ENDING' | 'ENDED'

export function describeMembership(membership: MembershipWithView, now = new Date()) {
  const { user } = membership
  const invited = isOpenInvitation(membership)
  const ends = membership.roleEnds.map((end) => end.endsAt.getTime())
  const allEnded =
    ends.length > 0 &&
    membership.roles.every((role) =>
      membership.roleEnds.some((end) => end.role === role && end.endsAt <= now),
    )
  const nextEnd = ends.filter((time) => time > now.getTime()).sort((a, b) => a - b)[0]
  const status: MembershipStatus = invited
    ? 'INVITED'
    : allEnded
      ? 'ENDED'
      : nextEnd !== undefined
        ? 'ENDING'
        : 'ACTIVE'
  const showTyped = membership.acceptedAt === null
  return {
    membershipId: membership.id,
    userId: invited ? null : user.id,
    name: showTyped ? (membership.invitedName ?? user.name) : user.name,
    email: user.email,
    username: showTyped ? (membership.invitedUsername ?? user.username) : user.username,
    roles: membership.roles,
    roleEnds: membership.roleEnds.map((end) => ({ role: end.role, endsAt: end.endsAt })),
    externalOrganizationName: membership.externalOrganizationName,
    status,
    invitationExpiresAt: invited ? membership.invitationExpiresAt : null,
    /** The earliest end still ahead, or (when every role has ended) the last one. */
    endsAt: nextEnd !== undefined ? new Date(nextEnd) : allEnded ? new Date(Math.max(...ends)) : null,
    lastSignedInAt: membership.lastSignedInAt,
    /** The list's sort key (keyset cursor). */
    listName: membership.listName,
  }
}
