import { ZAddCaseOfficerInput, ZMembershipIdInput } from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import { addPerson, findMembershipInOrganization } from '../services/members.ts'
import { memberProcedure, router } from '../trpc.ts'

const ZCaseOfficer = z.object({
  membershipId: z.string(),
  name: z.string(),
  username: z.string(),
  email: z.string(),
  organizationName: z.string(),
  endsAt: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
})

/** "Registrera handläggare" (Ansvarig, seed 000): handläggare inside and outside the organisation. */
export const caseOfficerRouter = router({
  list: memberProcedure('caseOfficer.manage')
    .output(z.object({ internal: z.array(ZCaseOfficer), external: z.array(ZCaseOfficer) }))
    .query(async ({ ctx }) => {
      const [organization, memberships] = await Promise.all([
        ctx.db.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId } }),
        ctx.db.prisma.membership.findMany({
          where: { organizationId: ctx.organizationId, roles: { has: 'CASE_OFFICER' } },
          include: { user: { select: { name: true, username: true, email: true, lastLoginAt: true } } },
          orderBy: [{ user: { name: 'asc' } }, { id: 'asc' }],
          take: 500,
        }),
      ])
      const rows = memberships.map((m) => ({
        membershipId: m.id,
        name: m.user.name,
        username: m.user.username,
        email: m.user.email,
        organizationName: m.externalOrganizationName ?? organization.name,
        endsAt: m.endsAt,
        lastLoginAt: m.user.lastLoginAt,
        external: m.externalOrganizationName !== null,
      }))
      const strip = ({ external: _, ...row }: (typeof rows)[number]) => row
      return {
        internal: rows.filter((row) => !row.external).map(strip),
        external: rows.filter((row) => row.external).map(strip),
      }
    }),

  add: memberProcedure('caseOfficer.manage')
    .input(ZAddCaseOfficerInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction((tx) =>
        addPerson(
          tx,
          ctx.settings,
          { userId: ctx.actor.userId, organizationId: ctx.organizationId, role: ctx.role },
          {
            name: input.name,
            email: input.email,
            username: input.username,
            roles: ['CASE_OFFICER'],
            external:
              input.kind === 'external'
                ? { organizationName: input.organizationName, endsAt: input.endsAt ?? null }
                : undefined,
          },
        ),
      ),
    ),

  /** "Ta bort": withdraws the handläggare role; the membership goes when no role is left. */
  remove: memberProcedure('caseOfficer.manage')
    .input(ZMembershipIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const membership = await findMembershipInOrganization(tx, ctx.organizationId, input.membershipId)
        if (!membership.roles.includes('CASE_OFFICER')) {
          throw new AppError(
            'NOT_FOUND',
            'NOT_A_CASE_OFFICER',
            'Personen är inte registrerad som handläggare.',
          )
        }
        const roles = membership.roles.filter((role) => role !== 'CASE_OFFICER')
        if (roles.length === 0) await tx.membership.delete({ where: { id: membership.id } })
        else
          await tx.membership.update({
            where: { id: membership.id },
            data: { roles, externalOrganizationName: null, endsAt: null },
          })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'caseOfficer.removed',
          targetType: 'Membership',
          targetId: membership.id,
          data: {
            userId: membership.userId,
            name: membership.user.name,
            membershipRemoved: roles.length === 0,
          },
        })
        return { membershipRemoved: roles.length === 0 }
      }),
    ),
})
