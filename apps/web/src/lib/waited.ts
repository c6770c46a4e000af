import type { TFunction } from 'i18next'
import { asDate, type Instant } from './format-date.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * How long something has waited since `since`, as a queue says it: "3 dagar", "5 timmar", "12 minuter",
 * "mindre än en minut" — the largest whole unit, rounded down (a queue row waiting 47 hours "1 dag").
 * The texts are the order queues' (`queues.*` in i18n/queues.sv.ts).
 */
export function describeWaited(t: TFunction, since: Instant, now: Date = new Date()): string {
  const elapsed = Math.max(0, now.getTime() - asDate(since).getTime())
  if (elapsed >= DAY) return t('queues.days', { count: Math.floor(elapsed / DAY) })
  if (elapsed >= HOUR) return t('queues.hours', { count: Math.floor(elapsed / HOUR) })
  if (elapsed >= MINUTE) return t('queues.minutes', { count: Math.floor(elapsed / MINUTE) })
  return t('queues.lessThanAMinute')
}
