import { ZPasswordLinkInput, ZRequestPasswordResetInput, ZSetPasswordInput } from '@kundnav/schemas'
import { z } from 'zod'
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

  /**
   * "Spara lösenordet" on the mailed link's page: saves the password and signs the person in, with the
   * same session cookie "Logga in" sets. The session token goes only into that cookie, never the answer.
   */
  setPassword: publicProcedure
    .input(ZSetPasswordInput)
    .output(z.object({ username: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { username, session } = await setPasswordWithLink(ctx.db, ctx.settings, input, {
        clientAddress: ctx.request.clientAddress,
        userAgent: ctx.request.userAgent,
      })
      ctx.resHeaders?.append('Set-Cookie', await ctx.sessionCookie(session))
      return { username }
    }),
})
