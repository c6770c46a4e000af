import './zod-config.ts'
import * as z from 'zod/mini'
import { SIGN_IN_RULES } from './sign-in-forms.ts'
import { TEXT_MESSAGES, textProblem } from './text-rules.ts'

/*
 * `@kundnav/schemas/sign-in`: the sign-in form's schema, built with zod/mini (a few kilobytes) instead of
 * zod's full build. It refuses the same text as zText (text.ts). The server validates with it; the sign-in
 * page checks the same rules without zod (sign-in-forms.ts).
 */

const textCheck = z.check<string>((ctx) => {
  const problem = textProblem(ctx.value)
  if (problem) ctx.issues.push({ code: 'custom', message: TEXT_MESSAGES[problem], input: ctx.value })
})

const { username, password } = SIGN_IN_RULES

export const ZSignInInput = z.object({
  username: z
    .string()
    .check(
      textCheck,
      z.trim(),
      z.toLowerCase(),
      z.minLength(username.min, { message: username.tooShort }),
      z.maxLength(username.max),
    ),
  password: z
    .string()
    .check(textCheck, z.minLength(password.min, { message: password.tooShort }), z.maxLength(password.max)),
})
export type SignInInput = z.infer<typeof ZSignInInput>
