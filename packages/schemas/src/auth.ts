import { z } from 'zod'
import { ZRole } from './role-schema.ts'
import { ZStepUpResponse } from './step-up.ts'
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

/**
 * "Byt lösenord". With a verified mobile number the first call sends an SMS code and changes nothing; the
 * second carries the code as `stepUp`.
 */
export const ZChangePasswordInput = z.object({
  currentPassword: zText().min(1, { message: 'Ange ditt nuvarande lösenord.' }).max(1024),
  newPassword: ZNewPassword,
  stepUp: ZStepUpResponse.optional(),
})

/** Swedish mobile numbers as people write them ("070-123 45 67"), kept as +46701234567. */
export const ZMobile = zText()
  .trim()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .transform((value) => (value.startsWith('00') ? `+${value.slice(2)}` : value))
  .transform((value) => (value.startsWith('0') ? `+46${value.slice(1)}` : value))
  .refine((value) => /^\+[1-9]\d{7,14}$/.test(value), {
    message: 'Ange mobilnumret med siffror, till exempel 070-123 45 67.',
  })

export const ZName = zText()
  .trim()
  .min(1, { message: 'Ange namnet.' })
  .max(200, { message: 'Namnet får ha högst 200 tecken.' })

/** The current password, asked before replacing or removing a verified mobile number. */
const ZCurrentPassword = zText().min(1, { message: 'Ange ditt nuvarande lösenord.' }).max(1024)

/**
 * "Mina uppgifter": a new mobile number, to be verified with a code sent to it. Replacing a verified number
 * also needs the current password: a session alone must not move where signing codes go.
 */
export const ZStartMobileVerificationInput = z.object({
  mobile: ZMobile,
  currentPassword: ZCurrentPassword.optional(),
})

/** "Ta bort" the verified mobile number: the current password too, for the same reason. */
export const ZRemoveMobileInput = z.object({ currentPassword: ZCurrentPassword })

/** The code sent to the new number; the number again, so the code verifies exactly the number it was sent to. */
export const ZConfirmMobileInput = z.object({ mobile: ZMobile, response: ZStepUpResponse })

/** Name and language. The mobile number is not here: only a verified number is kept (`me.confirmMobile`). */
export const ZUpdateMeInput = z.object({ name: ZName, language: ZLanguage })

/** The language switch in the header, when signed in: the choice is kept on the account. */
export const ZSetLanguageInput = z.object({ language: ZLanguage })

export const ZPair = z.object({ organizationId: z.uuid(), role: ZRole })
export type Pair = z.infer<typeof ZPair>

export const ZSessionIdInput = z.object({ sessionId: z.uuid() })

export { ZEmail, ZUsername }
