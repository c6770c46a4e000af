import { ZChangePasswordInput, ZLanguage, ZSetLanguageInput, ZUpdateMeInput } from '@kundnav/schemas'
import { z } from 'zod'
import { recordAudit } from '../services/audit.ts'
import { changePassword } from '../services/passwords.ts'
import { authedProcedure, router } from '../trpc.ts'

const ZMe = z.object({
  name: z.string(),
  username: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  language: ZLanguage,
})

const ME_FIELDS = { name: true, username: true, email: true, mobile: true, language: true } as const

/** "Mina uppgifter": only the person edits these. */
export const meRouter = router({
  get: authedProcedure.output(ZMe).query(({ ctx }) =>
    ctx.db.prisma.user.findUniqueOrThrow({
      where: { id: ctx.actor.userId },
      select: ME_FIELDS,
    }),
  ),

  update: authedProcedure
    .input(ZUpdateMeInput)
    .output(ZMe)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const user = await tx.user.update({
          where: { id: ctx.actor.userId },
          data: { name: input.name, mobile: input.mobile, language: input.language },
          select: ME_FIELDS,
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

  /**
   * The header's language switch, when signed in: mail and SMS follow the choice from now on. A preference,
   * not an account change, so unlike `update` it leaves no audit event.
   */
  setLanguage: authedProcedure
    .input(ZSetLanguageInput)
    .output(z.object({ language: ZLanguage }))
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.user.update({
        where: { id: ctx.actor.userId },
        data: { language: input.language },
        select: { language: true },
      }),
    ),

  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.settings, ctx.actor, input)),
})
