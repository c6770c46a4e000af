import {
  ZAttestOrderInput,
  ZConfirmMobileInput,
  ZOrderReasonInput,
  ZSigningLinkInput,
  ZSigningToken,
  ZStartAttestationInput,
  ZStartMobileVerificationInput,
  ZStepUpChallengeInput,
  ZStepUpSent,
} from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { confirmMobile, startMobileVerification } from '../services/mobile.ts'
import { attestOrder, decideStep, startAttestation } from '../services/order-actions.ts'
import { orderMoved, orderView, ZOrderMoved, ZOrderView } from '../services/order-view.ts'
import { openSigningLink } from '../services/signing-links.ts'
import { maskMobile, resendStepUp } from '../services/step-up.ts'
import { publicProcedure, router } from '../trpc.ts'

const withToken = <Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) =>
  schema.extend({ token: ZSigningToken })

/**
 * The mailed signing link ("/attestera/<token>"): its token is the credential, so every procedure is public
 * and acts as the link's person only, never as whoever is signed in in the browser.
 */
export const signingRouter = router({
  /** The order as the attestant checks it, and whether they can receive a code. */
  open: publicProcedure
    .input(ZSigningLinkInput)
    .output(
      z.object({
        order: ZOrderView,
        person: z.object({ name: z.string(), mobile: z.string().nullable(), smsEnabled: z.boolean() }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { order, user, actor } = await openSigningLink(ctx.db.prisma, input.token)
      const view = await orderView(ctx.db.prisma, ctx.settings, order, {
        actor,
        ordersForOrganization: false,
        ordersForAgent: false,
      })
      return {
        order: view,
        person: {
          name: user.name,
          mobile: user.mobile && user.mobileVerifiedAt ? maskMobile(user.mobile) : null,
          smsEnabled: ctx.settings.smsStepUp,
        },
      }
    }),

  startAttestation: publicProcedure
    .input(withToken(ZStartAttestationInput.omit({ orderId: true })))
    .output(ZStepUpSent)
    .mutation(async ({ ctx, input }) => {
      const { order, actor } = await openSigningLink(ctx.db.prisma, input.token)
      return startAttestation(ctx.db, ctx.settings, actor, {
        orderId: order.id,
        contentHash: input.contentHash,
      })
    }),

  attest: publicProcedure
    .input(withToken(ZAttestOrderInput.omit({ orderId: true })))
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const { order, actor } = await openSigningLink(ctx.db.prisma, input.token)
      const after = await attestOrder(ctx.db, ctx.settings, actor, {
        orderId: order.id,
        response: input.response,
      })
      return orderMoved(after)
    }),

  cancel: publicProcedure
    .input(withToken(ZOrderReasonInput.omit({ orderId: true })))
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const { order, actor } = await openSigningLink(ctx.db.prisma, input.token)
      const after = await decideStep(ctx.db, ctx.settings, actor, 'CANCEL', {
        orderId: order.id,
        version: input.version,
        reason: input.reason,
      })
      return orderMoved(after)
    }),

  /** "Skicka ny kod" for the link's own person. */
  resend: publicProcedure
    .input(withToken(ZStepUpChallengeInput))
    .output(ZStepUpSent)
    .mutation(async ({ ctx, input }) => {
      const { user } = await openSigningLink(ctx.db.prisma, input.token)
      return resendStepUp(ctx.db, ctx.settings, { userId: user.id, challengeId: input.challengeId })
    }),

  /**
   * An attestant without a password and without a verified number adds one here: the link proved their
   * e-mail address, the code proves the number. Anyone else changes their number signed in, in "Mina
   * uppgifter": a link must never move where a person's signing codes go.
   */
  startMobileVerification: publicProcedure
    .input(withToken(ZStartMobileVerificationInput.omit({ currentPassword: true })))
    .output(ZStepUpSent)
    .mutation(async ({ ctx, input }) => {
      const { user } = await openSigningLink(ctx.db.prisma, input.token)
      refuseNumberThroughLink(user)
      return startMobileVerification(ctx.db, ctx.settings, user.id, input.mobile)
    }),

  confirmMobile: publicProcedure
    .input(withToken(ZConfirmMobileInput))
    .output(z.object({ mobile: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { user, actor } = await openSigningLink(ctx.db.prisma, input.token)
      refuseNumberThroughLink(user)
      await confirmMobile(
        ctx.db,
        ctx.settings,
        { userId: user.id, organizationId: actor.organizationId, role: 'ATTESTER' },
        input,
      )
      return { mobile: maskMobile(input.mobile) }
    }),
})

function refuseNumberThroughLink(user: { passwordHash: string | null; mobileVerifiedAt: Date | null }): void {
  if (user.mobileVerifiedAt) {
    throw new AppError(
      'CONFLICT',
      'MOBILE_ALREADY_VERIFIED',
      'Du har redan ett verifierat mobilnummer. Byt det under Mina uppgifter när du är inloggad.',
    )
  }
  if (user.passwordHash) {
    throw new AppError(
      'CONFLICT',
      'MOBILE_SIGN_IN_NEEDED',
      'Logga in och lägg till ditt mobilnummer under Mina uppgifter. Öppna sedan länken igen.',
    )
  }
}
