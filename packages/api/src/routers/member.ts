import type { Prisma } from '@kundnav/db'
import { ZAddMemberInput, ZMemberListInput, ZMembershipIdInput, ZSetMemberRolesInput } from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import {
  addPerson,
  assertAdministratorRemains,
  findMembershipInOrganization,
  lockOrganization,
  sendInvitation,
} from '../services/members.ts'
import { memberProcedure, router } from '../trpc.ts'

const ZMemberRow = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
  externalOrganizationName: z.string().nullable(),
  endsAt: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  /** Invited, but has not chosen a password yet: "Skicka inbjudan igen" applies. */
  invitationPending: z.boolean(),
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
      const search = input.search
        ? {
            OR: [
              { name: { contains: input.search, mode: 'insensitive' as const } },
              { email: { contains: input.search, mode: 'insensitive' as const } },
              { username: { contains: input.search, mode: 'insensitive' as const } },
            ],
          }
        : {}
      const where: Prisma.MembershipWhereInput = {
        organizationId: ctx.organizationId,
        user: search,
        ...(input.cursor
          ? {
              OR: [
                { user: { name: { gt: input.cursor.name } } },
                { user: { name: input.cursor.name }, id: { gt: input.cursor.id } },
              ],
            }
          : {}),
      }
      const rows = await ctx.db.prisma.membership.findMany({
        where,
        include: {
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              username: true,
              lastLoginAt: true,
              passwordHash: true,
            },
          },
        },
        orderBy: [{ user: { name: 'asc' } }, { id: 'asc' }],
        take: input.limit + 1,
      })
      const items = rows.slice(0, input.limit).map((row) => ({
        membershipId: row.id,
        userId: row.user.id,
        name: row.user.name,
        email: row.user.email,
        username: row.user.username,
        roles: row.roles,
        externalOrganizationName: row.externalOrganizationName,
        endsAt: row.endsAt,
        lastLoginAt: row.user.lastLoginAt,
        invitationPending: row.user.passwordHash === null && row.user.lastLoginAt === null,
      }))
      const last = items.at(-1)
      return {
        items,
        nextCursor: rows.length > input.limit && last ? { name: last.name, id: last.membershipId } : null,
      }
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
        const roles = [
          ...new Set([...input.roles, ...membership.roles.filter((role) => role === 'RESPONSIBLE')]),
        ]
        if (membership.roles.includes('ADMIN') && !roles.includes('ADMIN')) {
          await assertAdministratorRemains(tx, ctx.organizationId, membership.id)
        }
        await tx.membership.update({ where: { id: membership.id }, data: { roles } })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'member.roles_changed',
          targetType: 'Membership',
          targetId: membership.id,
          data: { userId: membership.userId, before: membership.roles, after: roles },
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
        if (membership.roles.includes('ADMIN'))
          await assertAdministratorRemains(tx, ctx.organizationId, membership.id)
        await tx.membership.delete({ where: { id: membership.id } })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'member.removed',
          targetType: 'Membership',
          targetId: membership.id,
          data: { userId: membership.userId, name: membership.user.name, roles: membership.roles },
        })
        return { removed: true }
      }),
    ),

  /** "Skicka inbjudan igen" for someone who has not logged in yet. */
  resendInvitation: memberProcedure('member.manage')
    .input(ZMembershipIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const membership = await findMembershipInOrganization(tx, ctx.organizationId, input.membershipId)
        if (membership.user.passwordHash || membership.user.lastLoginAt) {
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
        await sendInvitation(tx, ctx.settings, {
          user: membership.user,
          invitedBy: adder.name,
          organizationName: organization.name,
          roles: membership.roles,
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
