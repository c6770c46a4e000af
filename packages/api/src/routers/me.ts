import { enqueueMail, type Language, type Prisma } from '@kundnav/db'
import {
  ZChangePasswordInput,
  ZConfirmMobileInput,
  ZLanguage,
  ZSetLanguageInput,
  ZStartMobileVerificationInput,
  ZStepUpMethod,
  ZStepUpSent,
  ZUpdateMeInput,
} from '@kundnav/schemas'
import { z } from 'zod'
import type { Context } from '../context.ts'
import { AppError } from '../errors.ts'
import { mobileChangedMail } from '../mail/templates.ts'
import { recordAudit } from '../services/audit.ts'
import { changePassword } from '../services/passwords.ts'
import { completeStepUp, startStepUp, stepUpMethodsFor } from '../services/step-up.ts'
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

/** What a code verifying a new number is bound to: that number, for that person. */
function mobileVerification(userId: string, mobile: string) {
  return {
    userId,
    purpose: 'mobile.verify' as const,
    subjectId: userId,
    content: { action: 'mobile.verify', mobile },
  }
}

/** Mails the person that their signing number changed or went, and audits it; in the change's transaction. */
async function recordMobileChange(
  tx: Prisma.TransactionClient,
  ctx: Context & { actor: NonNullable<Context['actor']> },
  user: { name: string; username: string; email: string; language: Language },
  mobile: string | null,
  signatureId: string | null,
) {
  await enqueueMail(tx, {
    to: user.email,
    ...mobileChangedMail(user.language, {
      name: user.name,
      username: user.username,
      mobile,
      resetLink: `${ctx.settings.publicUrl}/glomt-losenord`,
    }),
  })
  await recordAudit(tx, {
    organizationId: ctx.actor.organizationId,
    actorUserId: ctx.actor.userId,
    actorRole: ctx.actor.role,
    action: mobile ? 'me.mobile_verified' : 'me.mobile_removed',
    targetType: 'User',
    targetId: ctx.actor.userId,
    data: signatureId ? { signatureId } : {},
  })
}

/** "Mina uppgifter": only the person edits these. */
export const meRouter = router({
  get: authedProcedure
    .output(ZMe)
    .query(async ({ ctx }) =>
      toMe(
        ctx,
        await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: ME_FIELDS }),
      ),
    ),

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
    .mutation(({ ctx, input }) =>
      startStepUp(ctx.db, ctx.settings, {
        ...mobileVerification(ctx.actor.userId, input.mobile),
        description: { purpose: 'mobile.verify' },
        recipient: input.mobile,
      }),
    ),

  /** The code sent to the new number verifies exactly that number; it replaces the old one and is mailed. */
  confirmMobile: authedProcedure
    .input(ZConfirmMobileInput)
    .output(ZMe)
    .mutation(({ ctx, input }) =>
      completeStepUp(
        ctx.db,
        mobileVerification(ctx.actor.userId, input.mobile),
        input.response,
        async (tx, signature) => {
          const user = await tx.user.update({
            where: { id: ctx.actor.userId },
            data: { mobile: input.mobile, mobileVerifiedAt: new Date() },
            select: ME_FIELDS,
          })
          await recordMobileChange(tx, ctx, user, input.mobile, signature.id)
          return toMe(ctx, user)
        },
      ),
    ),

  /** "Ta bort": no more codes by SMS; the person is mailed. */
  removeMobile: authedProcedure.output(ZMe).mutation(({ ctx }) =>
    ctx.db.prisma.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: ME_FIELDS })
      if (!before.mobile) {
        throw new AppError('BAD_REQUEST', 'NO_MOBILE', 'Du har inget mobilnummer att ta bort.')
      }
      const user = await tx.user.update({
        where: { id: ctx.actor.userId },
        data: { mobile: null, mobileVerifiedAt: null },
        select: ME_FIELDS,
      })
      await recordMobileChange(tx, ctx, user, null, null)
      return toMe(ctx, user)
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
    .output(
      z.discriminatedUnion('status', [
        z.object({ status: z.literal('CHANGED'), endedSessions: z.number() }),
        ZStepUpSent.extend({ status: z.literal('CODE_SENT') }),
      ]),
    )
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.settings, ctx.actor, input)),
})
