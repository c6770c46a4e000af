import './zod-config.ts'
import * as z from 'zod/mini'
import { TEXT_MESSAGES, textProblem } from './text-rules.ts'

/*
 * `@kundnav/schemas/sign-in`: the sign-in form's schema, built with zod/mini (a few kilobytes) instead of
 * zod's full build, so the sign-in page checks the form with the same schema the server uses without
 * downloading all of zod. It refuses the same text as zText (text.ts).
 */

const textCheck = z.check<string>((ctx) => {
  const problem = textProblem(ctx.value)
  if (problem) ctx.issues.push({ code: 'custom', message: TEXT_MESSAGES[problem], input: ctx.value })
})

export const ZSignInInput = z.object({
  username: z
    .string()
    .check(
      textCheck,
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { message: 'Ange ditt användarnamn.' }),
      z.maxLength(254),
    ),
  password: z
    .string()
    .check(textCheck, z.minLength(1, { message: 'Ange ditt lösenord.' }), z.maxLength(1024)),
})
export type SignInInput = z.infer<typeof ZSignInInput>
