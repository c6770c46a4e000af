import { ZStepUpChallengeInput, ZStepUpSent } from '@kundnav/schemas'
import { resendStepUp } from '../services/step-up.ts'
import { authedProcedure, router } from '../trpc.ts'

/** What every step-up shares, whatever it is for. */
export const stepUpRouter = router({
  /** "Skicka ny kod": the person's own open challenge gets a new code, which replaces the old one. */
  resend: authedProcedure
    .input(ZStepUpChallengeInput)
    .output(ZStepUpSent)
    .mutation(({ ctx, input }) =>
      resendStepUp(ctx.db, ctx.settings, { userId: ctx.actor.userId, challengeId: input.challengeId }),
    ),
})
