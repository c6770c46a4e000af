/**
 * A verified mobile number (E.164, as the server keeps it) as people write it in Sweden:
 * "+46701234567" → "070-123 45 67". Numbers of other shapes and countries are shown as kept.
 */
export function formatMobile(e164: string): string {
  const swedish = /^\+46(7\d)(\d{3})(\d{2})(\d{2})$/.exec(e164)
  if (!swedish) return e164
  const [, prefix, first, second, third] = swedish
  return `0${prefix}-${first} ${second} ${third}`
}
