import pino from 'pino'
import type { Env } from './env.ts'

export function createLogger(env: Pick<Env, 'logLevel'>) {
  return pino({ level: env.logLevel, base: { service: 'kundnav' } })
}

export type Logger = ReturnType<typeof createLogger>
