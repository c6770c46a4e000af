import {
  formatOrgNumber,
  ZRole,
  ZSetAgentInput,
  ZSetResponsibleInput,
  ZSupportMembersInput,
  ZSupportOrganizationSearchInput,
} from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import { findMembershipInOrganization, lockOrganization, saveRoles } from '../services/members.ts'
import { providerProcedure, router } from '../trpc.ts'

/**
 * Provider support acting on customers' records. Ansvarig is assigned here only: seed 000 sends a
 * change of Ansvarig through support ("kontakta supporten"), never through the customer's administrator.
 */
export const supportRouter = router({
  /** Customer organisations by name or org number, for support to find the one that called. */
  organizations: providerProcedure('provider.support')
    .input(ZSupportOrganizationSearchInput)
    .output(
      z.array(z.object({ id: z.string(), name: z.string(), orgNumber: z.string(), isAgent: z.boolean() })),
    )
    .query(async ({ ctx, input }) => {
      const digits = input.search.replace(/\D/g, '')
      const rows = await ctx.db.prisma.organization.findMany({
        where: {
          type: 'CUSTOMER',
          ...(input.search
            ? {
                OR: [
                  { name: { contains: input.search, mode: 'insensitive' } },
                  ...(digits ? [{ orgNumber: { startsWith: digits } }] : []),
                ],
              }
            : {}),
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: 25,
      })
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        orgNumber: formatOrgNumber(row.orgNumber),
        isAgent: row.isAgent,
      }))
    }),

  /** The members of a customer organisation, with their roles. */
  members: providerProcedure('provider.support')
    .input(ZSupportMembersInput)
    .output(
      z.array(
        z.object({
          membershipId: z.string(),
          /** The person, for "Registrera telefonärende" (the case's reporter). */
          userId: z.string(),
          name: z.string(),
          email: z.string(),
          roles: z.array(ZRole),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.membership.findMany({
        // An invitation not yet accepted is not a member to give roles to.
        where: {
          organizationId: input.organizationId,
          organization: { type: 'CUSTOMER' },
          acceptedAt: { not: null },
        },
        include: { user: { select: { name: true, email: true } } },
        orderBy: [{ listName: 'asc' }, { id: 'asc' }],
        take: 500,
      })
      return rows.map((row) => ({
        membershipId: row.id,
        userId: row.userId,
        name: row.user.name,
        email: row.user.email,
        roles: row.roles,
      }))
    }),

  /** Makes a member Ansvarig, or withdraws it. */
  setResponsible: providerProcedure('provider.support')
    .input(ZSetResponsibleInput)
    .output(z.object({ roles: z.array(ZRole) }))
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const organization = await tx.organization.findUnique({ where: { id: input.organizationId } })
        if (organization?.type !== 'CUSTOMER') {
          throw new AppError('NOT_FOUND', 'ORGANIZATION_NOT_FOUND', 'Organisationen finns inte.')
        }
        await lockOrganization(tx, input.organizationId)
        const membership = await findMembershipInOrganization(tx, input.organizationId, input.membershipId)
        const others = membership.roles.filter((role) => role !== 'RESPONSIBLE')
        const roles = input.responsible ? [...others, 'RESPONSIBLE' as const] : others
        if (roles.length === 0) {
          throw new AppError(
            'CONFLICT',
            'NO_ROLE_LEFT',
            'Personen har ingen annan roll. Be organisationens administratör att ta bort personen i stället.',
          )
        }
        await saveRoles(tx, membership, roles)
        await recordAudit(tx, {
          organizationId: input.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: input.responsible ? 'member.responsible_assigned' : 'member.responsible_withdrawn',
          targetType: 'Membership',
          targetId: membership.id,
          data: { userId: membership.userId, by: 'provider support' },
        })
        return { roles }
      }),
    ),

  /**
   * Grants a customer organisation the agent capability ("Agent / Systemleverantör"), or withdraws it: with
   * it, its members may apply for agent assignments and handle orders naming it.
   */
  setAgent: providerProcedure('provider.support')
    .input(ZSetAgentInput)
    .output(z.object({ isAgent: z.boolean() }))
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const updated = await tx.organization.updateMany({
          where: { id: input.organizationId, type: 'CUSTOMER' },
          data: { isAgent: input.isAgent },
        })
        if (updated.count === 0) {
          throw new AppError('NOT_FOUND', 'ORGANIZATION_NOT_FOUND', 'Organisationen finns inte.')
        }
        await recordAudit(tx, {
          organizationId: input.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: input.isAgent ? 'organization.agent_granted' : 'organization.agent_withdrawn',
          targetType: 'Organization',
          targetId: input.organizationId,
          data: { by: 'provider support' },
        })
        return { isAgent: input.isAgent }
      }),
    ),
})
