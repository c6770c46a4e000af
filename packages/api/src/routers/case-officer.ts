import { ZAddCaseOfficerInput, ZMembershipIdInput } from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import {
  addPerson,
  describeMembership,
  findMembershipInOrganization,
  lockOrganization,
  MEMBERSHIP_VIEW,
  personOf,
  saveRoles,
} from '../services/members.ts'
import { memberProcedure, router } from '../trpc.ts'

const ZCaseOfficer = z.object({
  membershipId: z.string(),
  name: z.string(),
  username: z.string(),
  email: z.string(),
  organizationName: z.string(),
  /** The handläggare grant's own end date; the person's other roles are not affected by it. */
  endsAt: z.date().nullable(),
  status: z.enum(['INVITED', 'ACTIVE', 'ENDING', 'ENDED']),
  invitationExpiresAt: z.date().nullable(),
  lastSignedInAt: z.date().nullable(),
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
          include: MEMBERSHIP_VIEW,
          orderBy: [{ listName: 'asc' }, { id: 'asc' }],
          take: 500,
        }),
      ])
      const now = new Date()
      const rows = memberships.map((membership) => {
        const view = describeMembership(membership, now)
        const grantEnd = membership.roleEnds.find((end) => end.role === 'CASE_OFFICER')?.endsAt ?? null
        const ended = grantEnd !== null && grantEnd <= now
        return {
          membershipId: view.membershipId,
          name: view.name,
          username: view.username,
          email: view.email,
          organizationName: membership.externalOrganizationName ?? organization.name,
          endsAt: grantEnd,
          status: view.status === 'INVITED' ? view.status : ended ? 'ENDED' : grantEnd ? 'ENDING' : 'ACTIVE',
          invitationExpiresAt: view.invitationExpiresAt,
          lastSignedInAt: view.lastSignedInAt,
          external: membership.externalOrganizationName !== null,
        } as const
      })
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
        await lockOrganization(tx, ctx.organizationId)
        const membership = await findMembershipInOrganization(tx, ctx.organizationId, input.membershipId)
        if (!membership.roles.includes('CASE_OFFICER')) {
          throw new AppError(
            'NOT_FOUND',
            'NOT_A_CASE_OFFICER',
            'Personen är inte registrerad som handläggare.',
          )
        }
        const roles = membership.roles.filter((role) => role !== 'CASE_OFFICER')
        const { membershipRemoved } = await saveRoles(tx, membership, roles, {
          externalOrganizationName: null,
        })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'caseOfficer.removed',
          targetType: 'Membership',
          targetId: membership.id,
          data: {
            ...personOf(membership),
            name: membership.acceptedAt
              ? membership.user.name
              : (membership.invitedName ?? membership.user.name),
            membershipRemoved,
          },
        })
        return { membershipRemoved }
      }),
    ),
})
