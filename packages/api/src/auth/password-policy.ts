import { readFileSync } from 'node:fs'
import { AppError } from '../errors.ts'

// Common passwords of 12 characters or more (shorter ones fail the length rule anyway): the long entries
// of zxcvbn-ts's common-password list (MIT) and Swedish favourites. One per line, lower case.
const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
)

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase())
}

/** Length is checked by the input schema (ZNewPassword); this adds the check that needs the list. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw new AppError(
      'BAD_REQUEST',
      'PASSWORD_TOO_COMMON',
      'Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna några ord i rad.',
      { field },
    )
  }
}
