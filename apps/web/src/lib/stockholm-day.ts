import type { Language } from '../i18n/i18n.ts'
import { asDate, type Instant, TIME_ZONE } from './format-date.ts'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Minutes Stockholm is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'))
  return Math.round((asUtc - instant.getTime()) / 60_000)
}

/**
 * The moment a calendar day (`yyyy-mm-dd`, as `<input type="date">` gives it) begins in Swedish time, or
 * null if it isn't a real date.
 */
export function startOfStockholmDay(day: string): Date | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const midnightUtc = Date.UTC(year, month - 1, date)
  const check = new Date(midnightUtc)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return null
  }
  // Midnight in Stockholm is midnight UTC minus the offset in force then (no change happens at midnight).
  const guess = new Date(midnightUtc - offsetMinutes(new Date(midnightUtc)) * 60_000)
  return new Date(midnightUtc - offsetMinutes(guess) * 60_000)
}

/** The moment the day after `day` begins in Swedish time: the end of `day`, exclusive. */
export function endOfStockholmDay(day: string): Date | null {
  const start = startOfStockholmDay(day)
  if (!start) return null
  const next = new Date(start.getTime() + 36 * 60 * 60_000)
  return startOfStockholmDay(stockholmDay(next))
}

/** The calendar day (`yyyy-mm-dd`) it is in Sweden at `instant`. */
export function stockholmDay(instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' }

/** A date without time, as people write it in Sweden: "22 nov. 2026" (in English "22 Nov 2026"). */
export function formatDay(instant: Instant, language: Language = 'sv'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(asDate(instant))
}
