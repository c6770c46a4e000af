import type { TFunction } from 'i18next'
import { trpcAppCode } from '../../lib/trpc-error.ts'

const LINK_REFUSALS = ['LINK_INVALID', 'LINK_EXPIRED', 'LINK_STEP_CLOSED', 'LINK_ROLE_LOST'] as const
const MOBILE_REFUSALS = ['MOBILE_ALREADY_VERIFIED', 'MOBILE_SIGN_IN_NEEDED'] as const

/** Why the signing link does not work (`signing.errors.*`), or null when the error is something else. */
export function linkRefusal(t: TFunction, error: unknown): string | null {
  const code = trpcAppCode(error)
  const known = LINK_REFUSALS.find((one) => one === code)
  return known ? t(`signing.errors.${known}`) : null
}

/** Why a number cannot be added through the link (or the link no longer works), or null. */
export function mobileRefusal(t: TFunction, error: unknown): string | null {
  const code = trpcAppCode(error)
  const known = MOBILE_REFUSALS.find((one) => one === code)
  return known ? t(`signing.errors.${known}`) : linkRefusal(t, error)
}
