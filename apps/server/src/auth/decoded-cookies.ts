/**
 * Session cookies already decoded, by their exact text. Decoding one (Auth.js's `decode`: a key derived
 * with HKDF, then decryption) is the costliest step of a signed-in request, and a given cookie always
 * decodes to the same session token — so the token is kept until the cookie itself expires. Nothing about
 * the session's validity is kept: every request still checks the session row (ended, idle, expired) and
 * the person's roles in the database. Only cookies that decoded are kept; the oldest go first when full.
 */
export class DecodedCookies {
  readonly #entries = new Map<string, { sessionToken: string; expiresAtMs: number }>()

  constructor(private readonly maxEntries = 10_000) {}

  get(cookie: string, now = Date.now()): string | undefined {
    const entry = this.#entries.get(cookie)
    if (!entry) return undefined
    this.#entries.delete(cookie)
    if (entry.expiresAtMs <= now) return undefined
    // Re-inserted: a Map iterates in insertion order, so the least recently used comes first.
    this.#entries.set(cookie, entry)
    return entry.sessionToken
  }

  set(cookie: string, sessionToken: string, expiresAtMs: number): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
    this.#entries.set(cookie, { sessionToken, expiresAtMs })
  }

  get size(): number {
    return this.#entries.size
  }
}
