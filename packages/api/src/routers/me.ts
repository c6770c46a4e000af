import { ZChangePasswordInput, ZUpdateMeInput } from '@kundnav/schemas'
import { z } from 'zod'
import { recordAudit } from '../services/audit.ts'
import { changePassword } from '../services/passwords.ts'
import { authedProcedure, router } from '../trpc.ts'

const ZMe = z.object({
  name: z.string(),
  username: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
})

/** "Mina uppgifter": only the person edits these. */
export const meRouter = router({
  get: authedProcedure.output(ZMe).query(({ ctx }) =>
    ctx.db.prisma.user.findUniqueOrThrow({
      where: { id: ctx.actor.userId },
      select: { name: true, username: true, email: true, mobile: true },
    }),
  ),

  update: authedProcedure
    .input(ZUpdateMeInput)
    .output(ZMe)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const user = await tx.user.update({
          where: { id: ctx.actor.userId },
          data: { name: input.name, mobile: input.mobile },
          select: { name: true, username: true, email: true, mobile: true },
        })
        await recordAudit(tx, {
          organizationId: ctx.actor.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.actor.role,
          action: 'me.updated',
          targetType: 'User',
          targetId: ctx.actor.userId,
        })
        return user
      }),
    ),

  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.settings, ctx.actor, input)),
})
