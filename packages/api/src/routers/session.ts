import { ZLanguage, ZPair, ZRole, ZSessionIdInput } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { recordAudit } from '../services/audit.ts'
import { readRememberedPair, rememberPairCookie } from '../services/remembered-pair.ts'
import { findPair, listPairs } from '../services/sessions.ts'
import { recordRoleChosen } from '../services/sign-in.ts'
import { authedProcedure, publicProcedure, router } from '../trpc.ts'

const ZPairOption = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  organizationType: z.enum(['PROVIDER', 'CUSTOMER']),
  role: ZRole,
})

export const sessionRouter = router({
  /** Who is signed in, the active pair and the pairs to choose from; null when no one is. */
  get: publicProcedure
    .output(
      z
        .object({
          user: z.object({
            id: z.string(),
            name: z.string(),
            username: z.string(),
            email: z.string(),
            /** The SPA starts in it after sign-in. */
            language: ZLanguage,
          }),
          active: ZPairOption.nullable(),
          pairs: z.array(ZPairOption),
          remembered: ZPair.nullable(),
          idleTimeoutMs: z.number(),
        })
        .nullable(),
    )
    .query(async ({ ctx }) => {
      const { actor } = ctx
      if (!actor) return null
      const [user, pairs] = await Promise.all([
        ctx.db.prisma.user.findUniqueOrThrow({
          where: { id: actor.userId },
          select: { id: true, name: true, username: true, email: true, language: true },
        }),
        listPairs(ctx.db.prisma, actor.userId),
      ])
      const active =
        pairs.find((p) => p.organizationId === actor.organizationId && p.role === actor.role) ?? null
      return {
        user,
        active,
        pairs,
        remembered: readRememberedPair(ctx.request.cookies),
        idleTimeoutMs: ctx.settings.sessionIdleMs,
      }
    }),

  /** "Gå vidare som:" / "Byt till …": makes a pair active in this session and remembers it on the device. */
  choose: authedProcedure.input(ZPair).mutation(async ({ ctx, input }) => {
    const pair = await findPair(ctx.db.prisma, ctx.actor.userId, input)
    if (!pair) throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte den rollen i organisationen.' })
    await ctx.db.prisma.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: ctx.actor.sessionId },
        data: { activeOrganizationId: pair.organizationId, activeRole: pair.role, lastSeenAt: new Date() },
      })
      await recordRoleChosen(tx, {
        userId: ctx.actor.userId,
        sessionId: ctx.actor.sessionId,
        clientAddress: ctx.request.clientAddress,
        pair,
        previous: { organizationId: ctx.actor.organizationId, role: ctx.actor.role },
      })
    })
    ctx.resHeaders?.append('Set-Cookie', rememberPairCookie(pair, ctx.settings.secureCookies))
    return { organizationId: pair.organizationId, role: pair.role }
  }),

  /** "Fortsätt vara inloggad": resets the idle timeout. */
  keepAlive: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.prisma.session.update({
      where: { id: ctx.actor.sessionId },
      data: { lastSeenAt: new Date() },
    })
    return { idleTimeoutMs: ctx.settings.sessionIdleMs }
  }),

  /** "Mina inloggningar": the person's sessions, this one first. */
  list: authedProcedure
    .output(
      z.array(
        z.object({
          id: z.string(),
          current: z.boolean(),
          createdAt: z.date(),
          lastSeenAt: z.date(),
          userAgent: z.string().nullable(),
          ipAddress: z.string().nullable(),
        }),
      ),
    )
    .query(async ({ ctx }) => {
      const sessions = await ctx.db.prisma.session.findMany({
        where: { userId: ctx.actor.userId },
        orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
        take: 100,
      })
      return sessions
        .map((s) => ({
          id: s.id,
          current: s.id === ctx.actor.sessionId,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          userAgent: s.userAgent,
          ipAddress: s.ipAddress,
        }))
        .sort((a, b) => Number(b.current) - Number(a.current))
    }),

  /** Ends one of the person's own sessions (another browser, or this one). */
  end: authedProcedure.input(ZSessionIdInput).mutation(async ({ ctx, input }) => {
    await ctx.db.prisma.$transaction(async (tx) => {
      const ended = await tx.session.deleteMany({ where: { id: input.sessionId, userId: ctx.actor.userId } })
      if (ended.count === 0)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Inloggningen finns inte längre.' })
      await recordAudit(tx, {
        organizationId: ctx.actor.organizationId,
        actorUserId: ctx.actor.userId,
        actorRole: ctx.actor.role,
        action: 'session.ended',
        targetType: 'Session',
        targetId: input.sessionId,
      })
    })
    return { current: input.sessionId === ctx.actor.sessionId }
  }),
})
