import type { Language } from '../i18n/i18n.ts'

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' }

const formats = new Map<string, Intl.NumberFormat>()

/**
 * An amount in öre as people read a price: "15 000 kr" and "2,50 kr" in Swedish, "SEK 15,000" and
 * "SEK 2.50" in English; whole kronor without decimals.
 */
export function formatKronor(ore: number, language: Language = 'sv'): string {
  const whole = ore % 100 === 0
  const key = `${language}:${whole}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      style: 'currency',
      currency: 'SEK',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    })
    formats.set(key, format)
  }
  return format.format(ore / 100)
}

/** The price field's value in kronor for editing: "15000" or "2,50" (Swedish decimal comma). */
export function kronorInput(ore: number): string {
  const kronor = Math.trunc(ore / 100)
  const rest = ore % 100
  return rest === 0 ? String(kronor) : `${kronor},${String(rest).padStart(2, '0')}`
}

/**
 * What a person typed as an amount in kronor, in öre: "15 000", "15000 kr", "2,50" and "2.5" are read;
 * null for anything else (letters, a negative amount, more than two decimals).
 */
export function parseKronor(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(kr|kronor|sek)$/i, '')
    .replace(',', '.')
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact)
  if (!match) return null
  const kronor = Number(match[1])
  const ore = Number((match[2] ?? '').padEnd(2, '0'))
  const total = kronor * 100 + ore
  return Number.isSafeInteger(total) ? total : null
}
