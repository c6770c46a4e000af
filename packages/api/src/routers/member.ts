import type { Prisma } from '@kundnav/db'
import {
  ZAddMemberInput,
  ZMemberListInput,
  ZMembershipIdInput,
  ZRole,
  ZSetMemberRolesInput,
} from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import { keysetAfter, keysetPage } from '../services/keyset.ts'
import {
  addPerson,
  describeMembership,
  findMembershipInOrganization,
  INVITATION_DAYS,
  lockOrganization,
  MEMBERSHIP_VIEW,
  mailInvitation,
  personOf,
  saveRoles,
} from '../services/members.ts'
import { memberProcedure, router } from '../trpc.ts'

const ZMemberRow = z.object({
  membershipId: z.string(),
  /** Null while the invitation is open (see `isOpenInvitation`). */
  userId: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  username: z.string(),
  roles: z.array(ZRole),
  roleEnds: z.array(z.object({ role: ZRole, endsAt: z.date() })),
  externalOrganizationName: z.string().nullable(),
  /** Inbjuden (answer or password pending: "Skicka inbjudan igen" applies), Aktiv, Slutar …, Slutat. */
  status: z.enum(['INVITED', 'ACTIVE', 'ENDING', 'ENDED']),
  invitationExpiresAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  /** "Senast inloggad": when the person last chose a role in this organisation. */
  lastSignedInAt: z.date().nullable(),
})

/** Member administration (Administratör): who is in the organisation, in which roles. */
export const memberRouter = router({
  list: memberProcedure('member.read')
    .input(ZMemberListInput)
    .output(
      z.object({
        items: z.array(ZMemberRow),
        nextCursor: z.object({ name: z.string(), id: z.string() }).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      // An open invitation is found by what the adder typed, never by the account's own name.
      const contains = { contains: input.search ?? '', mode: 'insensitive' as const }
      const search: Prisma.MembershipWhereInput = input.search
        ? {
            OR: [
              {
                acceptedAt: { not: null },
                user: { OR: [{ name: contains }, { email: contains }, { username: contains }] },
              },
              {
                acceptedAt: null,
                OR: [{ invitedName: contains }, { invitedUsername: contains }, { user: { email: contains } }],
              },
            ],
          }
        : {}
      const where: Prisma.MembershipWhereInput = {
        organizationId: ctx.organizationId,
        AND: [search],
        ...keysetAfter<Prisma.MembershipWhereInput>(
          'listName',
          input.cursor && { key: input.cursor.name, id: input.cursor.id },
          'asc',
        ),
      }
      const rows = await ctx.db.prisma.membership.findMany({
        where,
        include: MEMBERSHIP_VIEW,
        orderBy: [{ listName: 'asc' }, { id: 'asc' }],
        take: input.limit + 1,
      })
      const now = new Date()
      const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
        name: last.listName,
        id: last.id,
      }))
      return { items: page.map((row) => describeMembership(row, now)), nextCursor }
    }),

  add: memberProcedure('member.manage')
    .input(ZAddMemberInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction((tx) =>
        addPerson(
          tx,
          ctx.settings,
          { userId: ctx.actor.userId, organizationId: ctx.organizationId, role: ctx.role },
          input,
        ),
      ),
    ),

  setRoles: memberProcedure('member.manage')
    .input(ZSetMemberRolesInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        await lockOrganization(tx, ctx.organizationId)
        const membership = await findMembershipInOrganization(tx, ctx.organizationId, input.membershipId)
        // Ansvarig is provider support's to give and take: an administrator's change leaves it as it was.
        const kept = membership.roles.filter((role) => role === 'RESPONSIBLE')
        const roles = [...new Set([...input.roles, ...kept])]
        await saveRoles(tx, membership, roles)
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'member.roles_changed',
          targetType: 'Membership',
          targetId: membership.id,
          data: { ...personOf(membership), before: membership.roles, after: roles },
        })
        return { roles }
      }),
    ),

  remove: memberProcedure('member.manage')
    .input(ZMembershipIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        await lockOrganization(tx, ctx.organizationId)
        const membership = await findMembershipInOrganization(tx, ctx.organizationId, input.membershipId)
        await saveRoles(tx, membership, [])
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'member.removed',
          targetType: 'Membership',
          targetId: membership.id,
          data: {
            ...personOf(membership),
            name: membership.acceptedAt
              ? membership.user.name
              : (membership.invitedName ?? membership.user.name),
            roles: membership.roles,
          },
        })
        return { removed: true }
      }),
    ),

  /** "Skicka inbjudan igen" while an invitation is open: a fresh mail, and another week to answer. */
  resendInvitation: memberProcedure('member.manage')
    .input(ZMembershipIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        await lockOrganization(tx, ctx.organizationId)
        const membership = await findMembershipInOrganization(tx, ctx.organizationId, input.membershipId)
        const { user } = membership
        const newAccount = membership.acceptedAt !== null
        if (newAccount && (user.passwordHash || user.lastLoginAt)) {
          throw new AppError(
            'CONFLICT',
            'ALREADY_ACTIVE',
            'Personen har redan valt lösenord. Vid behov använder hen "Glömt/skapa nytt lösenord".',
          )
        }
        const [organization, adder] = await Promise.all([
          tx.organization.findUniqueOrThrow({ where: { id: ctx.organizationId } }),
          tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } }),
        ])
        const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
        await tx.membership.update({ where: { id: membership.id }, data: { invitationExpiresAt: expiresAt } })
        await mailInvitation(tx, ctx.settings, {
          user,
          newAccount,
          invitedBy: adder.name,
          organizationName: organization.name,
          roles: membership.roles,
          expiresAt,
        })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'member.invitation_resent',
          targetType: 'Membership',
          targetId: membership.id,
        })
        return { sent: true }
      }),
    ),
})
