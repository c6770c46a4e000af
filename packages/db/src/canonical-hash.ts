import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/**
 * The JSON Canonicalization Scheme (RFC 8785) text of a JSON value: object members sorted by their
 * names' UTF-16 code units, no whitespace, numbers as ECMAScript writes them, strings escaped only where
 * JSON requires. Equal values give equal text, so the text can be hashed and signed.
 * Throws for what JSON cannot carry (undefined at the top, NaN, Infinity, lone surrogates, cycles).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON representation')
  return text
}

/**
 * SHA-256 (lower-case hex) of the value's canonical JSON, UTF-8 encoded. The one content hash of the code
 * base: the audit chain uses it, and so shall anything else that is hashed or signed (orders).
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')
}
