import { ZPasswordLinkInput, ZRequestPasswordResetInput, ZSetPasswordInput } from '@kundnav/schemas'
import { checkPasswordLink, requestPasswordReset, setPasswordWithLink } from '../services/passwords.ts'
import { publicProcedure, router } from '../trpc.ts'

/** Password links. Signing in and out is Auth.js's, at /api/auth (apps/server/src/auth). */
export const authRouter = router({
  /** "Glömt/skapa nytt lösenord" → "Skicka". */
  requestPasswordReset: publicProcedure.input(ZRequestPasswordResetInput).mutation(({ ctx, input }) =>
    requestPasswordReset(ctx.db, ctx.settings, input, {
      clientAddress: ctx.request.clientAddress,
      userAgent: ctx.request.userAgent,
    }),
  ),

  checkPasswordLink: publicProcedure
    .input(ZPasswordLinkInput)
    .query(({ ctx, input }) => checkPasswordLink(ctx.db, input.token)),

  setPassword: publicProcedure
    .input(ZSetPasswordInput)
    .mutation(({ ctx, input }) => setPasswordWithLink(ctx.db, ctx.settings, input)),
})
