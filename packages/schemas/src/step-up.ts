import { z } from 'zod'
import { zText } from './text.ts'

/** How a step-up is done. SMS codes today; BankID joins the same service in its own issue. */
export const STEP_UP_METHODS = ['SMS'] as const
export const ZStepUpMethod = z.enum(STEP_UP_METHODS)
export type StepUpMethod = z.infer<typeof ZStepUpMethod>

/** The six digits of an SMS code as people type them: spaces and dashes are ignored. */
export const ZStepUpCode = zText()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .refine((value) => /^\d{6}$/.test(value), { message: 'Ange koden med sex siffror.' })

/** The answer to a step-up: which challenge, and the code the person received. */
export const ZStepUpResponse = z.object({ challengeId: z.uuid(), code: ZStepUpCode })
export type StepUpResponse = z.infer<typeof ZStepUpResponse>

/** A code was sent: where to (masked), until when it is valid, and when another may be asked for. */
export const ZStepUpSent = z.object({
  challengeId: z.uuid(),
  method: ZStepUpMethod,
  sentTo: z.string(),
  expiresAt: z.date(),
  resendAfter: z.date(),
})
export type StepUpSent = z.infer<typeof ZStepUpSent>

export const ZStepUpChallengeInput = z.object({ challengeId: z.uuid() })
