import { createHash, randomBytes } from 'node:crypto'

/** A random token for links and session cookies (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored hashed, so a database leak gives no working link or session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
