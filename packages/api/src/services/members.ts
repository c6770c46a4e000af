import { enqueueMail, type Prisma, type Role } from '@kundnav/db'
import { AppError } from '../errors.ts'
import { addedToOrganizationMail, invitationMail } from '../mail/templates.ts'
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
  mobile?: string | null | undefined
  roles: Role[]
  /** An external handläggare's organisation and optional end date. */
  external?: { organizationName: string; endsAt: Date | null } | undefined
}

/** Locks the organisation row, so concurrent role changes can't both remove "the other" last administrator. */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`
}

/**
 * Adds a person to the acting organisation. A new account gets an invitation with a set-password link
 * (valid 7 days); an existing account (same e-mail address) is linked and told "Du har lagts till i …".
 * The answer is the same either way, so the adder can't tell whether the account existed.
 */
export async function addPerson(
  tx: Tx,
  settings: AuthSettings,
  acting: Acting,
  person: PersonToAdd,
): Promise<{ membershipId: string }> {
  const [organization, adder] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: acting.organizationId } }),
    tx.user.findUniqueOrThrow({ where: { id: acting.userId }, select: { name: true } }),
  ])
  const existing = await tx.user.findUnique({ where: { email: person.email } })
  let user = existing
  if (!user) {
    const usernameTaken = await tx.user.findFirst({
      where: { OR: [{ username: person.username }, { email: person.username }] },
      select: { id: true },
    })
    if (usernameTaken) {
      throw new AppError('CONFLICT', 'USERNAME_TAKEN', 'Användarnamnet är upptaget. Välj ett annat.', {
        field: 'username',
      })
    }
    user = await tx.user.create({
      data: {
        name: person.name,
        email: person.email,
        username: person.username,
        mobile: person.mobile ?? null,
      },
    })
  }

  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId: user.id, organizationId: acting.organizationId } },
  })
  if (person.external) assertExternalGrantAllowed(membership, person.external.endsAt)
  const roles = [...new Set([...(membership?.roles ?? []), ...person.roles])]
  const externalData = person.external
    ? { externalOrganizationName: person.external.organizationName, endsAt: person.external.endsAt }
    : {}
  const saved = membership
    ? await tx.membership.update({ where: { id: membership.id }, data: { roles, ...externalData } })
    : await tx.membership.create({
        data: { userId: user.id, organizationId: acting.organizationId, roles, ...externalData },
      })

  if (!existing || (!existing.passwordHash && !existing.lastLoginAt)) {
    await sendInvitation(tx, settings, {
      user,
      invitedBy: adder.name,
      organizationName: organization.name,
      roles: person.roles,
    })
  } else {
    await enqueueMail(tx, {
      to: user.email,
      ...addedToOrganizationMail({
        name: user.name,
        invitedBy: adder.name,
        organizationName: organization.name,
        roles: person.roles,
        username: user.username,
        loginLink: `${settings.publicUrl}/logga-in`,
      }),
    })
  }
  await recordAudit(tx, {
    organizationId: acting.organizationId,
    actorUserId: acting.userId,
    actorRole: acting.role,
    action: 'member.added',
    targetType: 'Membership',
    targetId: saved.id,
    data: {
      userId: user.id,
      roles: person.roles,
      ...(person.external ? { externalOrganizationName: person.external.organizationName } : {}),
    },
  })
  return { membershipId: saved.id }
}

/**
 * An external handläggare's organisation and end date are kept on the membership, so they apply to every
 * role it holds. Until roles get end dates of their own, they may therefore be set only on someone who is
 * nothing else in the organisation, and the end date must lie ahead: otherwise registering a member (even
 * the only administrator) as an external handläggare would end their whole membership.
 */
function assertExternalGrantAllowed(membership: { roles: Role[] } | null, endsAt: Date | null): void {
  if (endsAt && endsAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'END_DATE_PASSED', 'Slutdatumet måste vara i framtiden.', {
      field: 'endsAt',
    })
  }
  if (membership?.roles.some((role) => role !== 'CASE_OFFICER')) {
    throw new AppError(
      'CONFLICT',
      'ALREADY_MEMBER',
      'Personen har redan andra roller i organisationen och kan inte registreras som extern handläggare. Registrera hen som intern handläggare i stället.',
      { field: 'email' },
    )
  }
}

/** Mails an invitation with a fresh set-password link (valid 7 days; earlier invitation links stop working). */
export async function sendInvitation(
  tx: Tx,
  settings: AuthSettings,
  input: {
    user: { id: string; name: string; email: string; username: string }
    invitedBy: string
    organizationName: string
    roles: readonly Role[]
  },
): Promise<void> {
  const link = await createPasswordLink(tx, settings, input.user.id, 'invite')
  await enqueueMail(tx, {
    to: input.user.email,
    ...invitationMail({
      name: input.user.name,
      invitedBy: input.invitedBy,
      organizationName: input.organizationName,
      roles: input.roles,
      username: input.user.username,
      link,
    }),
  })
}

/** The membership, if it belongs to the acting organisation; another organisation's is "not found". */
export async function findMembershipInOrganization(tx: Tx, organizationId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId },
    include: {
      user: {
        select: { id: true, name: true, email: true, username: true, passwordHash: true, lastLoginAt: true },
      },
    },
  })
  if (!membership)
    throw new AppError('NOT_FOUND', 'MEMBER_NOT_FOUND', 'Personen finns inte i organisationen.')
  return membership
}

/** Refuses a change that would leave the organisation without an administrator. */
export async function assertAdministratorRemains(tx: Tx, organizationId: string, exceptMembershipId: string) {
  const others = await tx.membership.count({
    where: { organizationId, id: { not: exceptMembershipId }, roles: { has: 'ADMIN' } },
  })
  if (others === 0) {
    throw new AppError(
      'CONFLICT',
      'LAST_ADMINISTRATOR',
      'Organisationen måste ha minst en administratör. Ge någon annan rollen Administratör först.',
    )
  }
}
