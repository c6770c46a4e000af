import type { Language } from '@kundnav/db'
import {
  ZChangePasswordInput,
  ZConfirmMobileInput,
  ZLanguage,
  ZRemoveMobileInput,
  ZSetLanguageInput,
  ZStartMobileVerificationInput,
  ZStepUpMethod,
  ZStepUpSent,
  ZUpdateMeInput,
} from '@kundnav/schemas'
import { z } from 'zod'
import type { Context, SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import { confirmMobile, removeMobile, startMobileVerification } from '../services/mobile.ts'
import { changePassword, confirmCurrentPassword } from '../services/passwords.ts'
import { stepUpMethodsFor } from '../services/step-up.ts'
import { authedProcedure, router } from '../trpc.ts'

const ZMe = z.object({
  name: z.string(),
  username: z.string(),
  email: z.string(),
  /** The verified mobile number (E.164), or null. */
  mobile: z.string().nullable(),
  language: ZLanguage,
  /** Codes can be sent by SMS in this portal: the mobile number section is shown. */
  smsEnabled: z.boolean(),
  /** The ways this person can sign now; empty means no step-up is asked of them. */
  stepUpMethods: z.array(ZStepUpMethod),
})

const ME_FIELDS = {
  name: true,
  username: true,
  email: true,
  mobile: true,
  mobileVerifiedAt: true,
  language: true,
} as const

interface MeRow {
  name: string
  username: string
  email: string
  mobile: string | null
  mobileVerifiedAt: Date | null
  language: Language
}

function toMe(ctx: Context, { mobileVerifiedAt, ...user }: MeRow) {
  return {
    ...user,
    mobile: mobileVerifiedAt ? user.mobile : null,
    smsEnabled: ctx.settings.smsStepUp,
    stepUpMethods: stepUpMethodsFor(ctx.settings, { mobile: user.mobile, mobileVerifiedAt }),
  }
}

async function currentMe(ctx: Context & { actor: SessionActor }) {
  return toMe(
    ctx,
    await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: ME_FIELDS }),
  )
}

const changerOf = (actor: SessionActor) => ({
  userId: actor.userId,
  organizationId: actor.organizationId,
  role: actor.role,
})

/** "Mina uppgifter": only the person edits these. */
export const meRouter = router({
  get: authedProcedure.output(ZMe).query(({ ctx }) => currentMe(ctx)),

  update: authedProcedure
    .input(ZUpdateMeInput)
    .output(ZMe)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const user = await tx.user.update({
          where: { id: ctx.actor.userId },
          data: { name: input.name, language: input.language },
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
        return toMe(ctx, user)
      }),
    ),

  /**
   * A new mobile number: a code goes to it, and nothing is saved until the code comes back
   * (`confirmMobile`). Only the person themself, signed in, can do this.
   */
  startMobileVerification: authedProcedure
    .input(ZStartMobileVerificationInput)
    .output(ZStepUpSent)
    .mutation(async ({ ctx, input }) => {
      const person = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } })
      if (person.mobile && person.mobileVerifiedAt) {
        if (!input.currentPassword) {
          throw new AppError(
            'BAD_REQUEST',
            'CURRENT_PASSWORD_NEEDED',
            'Ange ditt nuvarande lösenord för att byta mobilnummer.',
            { field: 'currentPassword' },
          )
        }
        await confirmCurrentPassword(ctx.db, ctx.settings, ctx.actor.userId, input.currentPassword)
      }
      return startMobileVerification(ctx.db, ctx.settings, ctx.actor.userId, input.mobile)
    }),

  /** The code sent to the new number verifies exactly that number; it replaces the old one and is mailed. */
  confirmMobile: authedProcedure
    .input(ZConfirmMobileInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      await confirmMobile(ctx.db, ctx.settings, changerOf(ctx.actor), input)
      return currentMe(ctx)
    }),

  /** "Ta bort", with the current password: no more codes by SMS; the person is mailed. */
  removeMobile: authedProcedure
    .input(ZRemoveMobileInput)
    .output(ZMe)
    .mutation(async ({ ctx, input }) => {
      await confirmCurrentPassword(ctx.db, ctx.settings, ctx.actor.userId, input.currentPassword)
      await removeMobile(ctx.db, ctx.settings, changerOf(ctx.actor))
      return currentMe(ctx)
    }),

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
    .output(
      z.discriminatedUnion('status', [
        z.object({ status: z.literal('CHANGED'), endedSessions: z.number() }),
        ZStepUpSent.extend({ status: z.literal('CODE_SENT') }),
      ]),
    )
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.settings, ctx.actor, input)),
})
