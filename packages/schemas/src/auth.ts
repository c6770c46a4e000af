import { z } from 'zod'
import { ZRole } from './role-schema.ts'
import { zText } from './text.ts'
import { ZEmail, ZLanguage, ZUsername } from './user.ts'

/** At least 12 characters, at most 128, never truncated, no composition rules (NIST SP 800-63B). */
export const ZNewPassword = zText()
  .min(12, { message: 'Lösenordet måste ha minst 12 tecken.' })
  .max(128, { message: 'Lösenordet får ha högst 128 tecken.' })

export const ZRequestPasswordResetInput = z.object({
  username: zText()
    .trim()
    .toLowerCase()
    .min(1, { message: 'Ange ditt användarnamn eller din e-postadress.' })
    .max(254),
})

/** The token of a mailed set-password link, as the link carries it. */
const ZPasswordLinkToken = zText().min(1).max(200)

export const ZPasswordLinkInput = z.object({ token: ZPasswordLinkToken })

export const ZSetPasswordInput = z.object({
  token: ZPasswordLinkToken,
  password: ZNewPassword,
})

export const ZChangePasswordInput = z.object({
  currentPassword: zText().min(1, { message: 'Ange ditt nuvarande lösenord.' }).max(1024),
  newPassword: ZNewPassword,
})

/** Swedish mobile numbers as people write them ("070-123 45 67"), kept as +46701234567. */
export const ZMobile = zText()
  .trim()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .transform((value) => (value.startsWith('00') ? `+${value.slice(2)}` : value))
  .transform((value) => (value.startsWith('0') ? `+46${value.slice(1)}` : value))
  .refine((value) => /^\+\d{8,15}$/.test(value), {
    message: 'Ange mobilnumret med siffror, till exempel 070-123 45 67.',
  })

export const ZOptionalMobile = z.union([z.literal('').transform(() => null), ZMobile]).nullable()

export const ZName = zText()
  .trim()
  .min(1, { message: 'Ange namnet.' })
  .max(200, { message: 'Namnet får ha högst 200 tecken.' })

export const ZUpdateMeInput = z.object({ name: ZName, mobile: ZOptionalMobile, language: ZLanguage })

/** The language switch in the header, when signed in: the choice is kept on the account. */
export const ZSetLanguageInput = z.object({ language: ZLanguage })

export const ZPair = z.object({ organizationId: z.uuid(), role: ZRole })
export type Pair = z.infer<typeof ZPair>

export const ZSessionIdInput = z.object({ sessionId: z.uuid() })

export { ZEmail, ZUsername }
