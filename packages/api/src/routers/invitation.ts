import type { Prisma } from '@kundnav/db'
import { ZMembershipIdInput, ZRole } from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import { lockOrganization } from '../services/members.ts'
import { authedProcedure, router } from '../trpc.ts'

const ZInvitation = z.object({
  membershipId: z.string(),
  organizationName: z.string(),
  roles: z.array(ZRole),
  invitedBy: z.string().nullable(),
  expiresAt: z.date().nullable(),
  expired: z.boolean(),
})

function invitationGone(): never {
  throw new AppError(
    'NOT_FOUND',
    'INVITATION_NOT_FOUND',
    'Inbjudan finns inte längre. Den kan redan vara besvarad, eller återkallad av organisationen.',
  )
}

/**
 * The person's open invitation, read after locking its organisation — the lock every change of a
 * membership takes — so an administrator's change or "Skicka inbjudan igen" is either all before or all
 * after the answer.
 */
async function lockedInvitation(tx: Prisma.TransactionClient, userId: string, membershipId: string) {
  const found = await tx.membership.findFirst({
    where: { id: membershipId, userId, acceptedAt: null },
    select: { organizationId: true },
  })
  if (!found) invitationGone()
  await lockOrganization(tx, found.organizationId)
  const invitation = await tx.membership.findFirst({
    where: { id: membershipId, userId, acceptedAt: null },
    include: { organization: { select: { name: true } } },
  })
  if (!invitation) invitationGone()
  return invitation
}

/**
 * Invitations to the signed-in person: an organisation that added their existing account asks first
 * ("Region Norrby vill lägga till dig som Beställare. Godkänn / Avböj"). Until accepted it gives no access.
 */
export const invitationRouter = router({
  list: authedProcedure.output(z.array(ZInvitation)).query(async ({ ctx }) => {
    const memberships = await ctx.db.prisma.membership.findMany({
      where: { userId: ctx.actor.userId, acceptedAt: null },
      include: { organization: { select: { name: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 50,
    })
    const inviterIds = memberships.flatMap((m) => (m.invitedByUserId ? [m.invitedByUserId] : []))
    const inviters = await ctx.db.prisma.user.findMany({
      where: { id: { in: inviterIds } },
      select: { id: true, name: true },
    })
    const names = new Map(inviters.map((inviter) => [inviter.id, inviter.name]))
    const now = new Date()
    return memberships.map((m) => ({
      membershipId: m.id,
      organizationName: m.organization.name,
      roles: m.roles,
      invitedBy: m.invitedByUserId ? (names.get(m.invitedByUserId) ?? null) : null,
      expiresAt: m.invitationExpiresAt,
      expired: m.invitationExpiresAt !== null && m.invitationExpiresAt <= now,
    }))
  }),

  /** "Godkänn": the membership starts giving access; the roles appear under "Byt roll". */
  accept: authedProcedure.input(ZMembershipIdInput).mutation(({ ctx, input }) =>
    ctx.db.prisma.$transaction(async (tx) => {
      const invitation = await lockedInvitation(tx, ctx.actor.userId, input.membershipId)
      if (invitation.invitationExpiresAt && invitation.invitationExpiresAt <= new Date()) {
        throw new AppError(
          'CONFLICT',
          'INVITATION_EXPIRED',
          `Inbjudan har gått ut. Be ${invitation.organization.name} att skicka den igen.`,
        )
      }
      // Conditional, so two tabs answering at once accept once.
      const accepted = await tx.membership.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: new Date(), invitationExpiresAt: null },
      })
      if (accepted.count === 0) invitationGone()
      await recordAudit(tx, {
        organizationId: invitation.organizationId,
        actorUserId: ctx.actor.userId,
        actorRole: null,
        action: 'member.invitation_accepted',
        targetType: 'Membership',
        targetId: invitation.id,
        data: { userId: ctx.actor.userId, roles: invitation.roles },
      })
      return { organizationId: invitation.organizationId, organizationName: invitation.organization.name }
    }),
  ),

  /** "Avböj": the invitation is gone; the organisation sees it in its log. */
  decline: authedProcedure.input(ZMembershipIdInput).mutation(({ ctx, input }) =>
    ctx.db.prisma.$transaction(async (tx) => {
      const invitation = await lockedInvitation(tx, ctx.actor.userId, input.membershipId)
      const declined = await tx.membership.deleteMany({ where: { id: invitation.id, acceptedAt: null } })
      if (declined.count === 0) invitationGone()
      await recordAudit(tx, {
        organizationId: invitation.organizationId,
        // A declined invitation keeps the account's own name from the organisation: it never joined.
        actorUserId: null,
        actorRole: null,
        action: 'member.invitation_declined',
        targetType: 'Membership',
        targetId: invitation.id,
        data: { name: invitation.invitedName, roles: invitation.roles },
      })
      return { declined: true }
    }),
  ),
})
