import type { Language } from '../i18n/i18n.ts'

/** Times are always shown in Swedish time, wherever the browser is. */
export const TIME_ZONE = 'Europe/Stockholm'

/** An instant as an answer carries it (an ISO 8601 string: answers are plain JSON) or as code makes it. */
export type Instant = Date | string

export function asDate(instant: Instant): Date {
  return typeof instant === 'string' ? new Date(instant) : instant
}

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' }

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>()

/**
 * A date and time as people write them in Sweden: "22 nov. 2026 14:05" (in English "22 Nov 2026, 14:05"),
 * in the Europe/Stockholm time zone.
 */
export function formatDateTime(date: Instant, language: Language = 'sv'): string {
  let format = dateTimeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    })
    dateTimeFormats.set(language, format)
  }
  return format.format(asDate(date))
}
