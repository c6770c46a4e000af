import type { TFunction } from 'i18next'

/** A wait the server asked for, as the message says it: "45 sekunder", "2 minuter" (rounded up). */
export function describeWait(t: TFunction, seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds))
  if (whole < 60) return t('auth.waitSeconds', { count: whole })
  return t('auth.waitMinutes', { count: Math.ceil(whole / 60) })
}
