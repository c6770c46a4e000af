import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from '@kundnav/api'
import { repoRoot } from '@kundnav/db'
import { z } from 'zod'
import { isLoopbackAddress } from './http/loopback.ts'

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Unset: 127.0.0.1 in development (demo data, mailbox), 0.0.0.0 in production. */
  HOST: z.string().optional(),
  /** Where the portal is reached, for links in mails. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default(join(repoRoot, '.data')),
  STATIC_DIR: z.string().default(join(repoRoot, 'apps/web/dist')),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Kundnav <no-reply@kundnav.local>'),
  /** The SMS provider's send endpoint with credentials (46elks style): https://user:password@host/a1/sms */
  SMS_URL: z
    .url({
      protocol: /^https?$/,
      error: 'SMS_URL must be an http(s):// URL, e.g. https://user:password@api.46elks.com/a1/sms',
    })
    .optional(),
  /** The sender name SMS show: up to 11 letters and digits. */
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,11}$/, 'SMS_SENDER must be 1–11 letters (a–z) and digits')
    .default('Kundnav'),
  /** "false" switches SMS off: production then starts without SMS_URL, and nothing is sent by SMS. */
  SMS_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  OUTBOX_RETENTION_DAYS: z.coerce.number().min(0.01).default(7),
  HOUSEKEEPING_INTERVAL_MINUTES: z.coerce.number().min(0.1).default(10),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().min(0.1).default(12),
  THROTTLE_WINDOW_MINUTES: z.coerce.number().min(1).default(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  RESET_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  RESET_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
})

export interface Env {
  production: boolean
  /** Demo data, the development mailbox and a generated auth secret: everything but production. */
  demoMode: boolean
  port: number
  host: string
  /** Said loudly at start-up: development mode reachable from other machines. */
  warnings: string[]
  publicUrl: string
  databaseUrl: string | undefined
  databasePoolSize: number
  dataDir: string
  pgliteDir: string
  staticDir: string
  authSecret: string
  /** The SMS gateway, when one is configured (development without it sends SMS to the mailbox). */
  sms: { url: string; sender: string } | null
  /** False when SMS is switched off: nothing is sent by SMS, and no step-up by SMS is offered. */
  smsEnabled: boolean
  smtpUrl: string | undefined
  mailFrom: string
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL']
  outboxPollMs: number
  /** Delivered mail and SMS are deleted this long after delivery. */
  outboxRetentionMs: number
  /** How often the worker deletes what has expired. */
  housekeepingIntervalMs: number
  shutdownTimeoutMs: number
  trustProxy: boolean
  auth: AuthSettings
}

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Parses the environment once; nothing else in the server reads process.env. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const parsed = ZEnv.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new EnvError(`The environment is not valid:\n${lines.join('\n')}`)
  }
  const raw = parsed.data
  const production = raw.NODE_ENV === 'production'
  if (production) {
    const missing = [
      !raw.AUTH_SECRET && 'AUTH_SECRET',
      !raw.SMTP_URL && 'SMTP_URL',
      raw.SMS_ENABLED && !raw.SMS_URL && 'SMS_URL',
    ].filter((name): name is string => Boolean(name))
    if (missing.length > 0) {
      const named =
        missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`
      throw new EnvError(
        `Production mode (NODE_ENV=production) needs ${named}. ` +
          'Set AUTH_SECRET to a random string of at least 32 characters (e.g. `openssl rand -base64 32`), ' +
          'SMTP_URL to your mail server (smtp://user:password@host:587) and SMS_URL to your SMS provider ' +
          '(https://user:password@api.46elks.com/a1/sms), or SMS_ENABLED=false to run without SMS.',
      )
    }
  }
  // Development mode seeds a public demo password and serves every mail in the development mailbox: it
  // listens on this machine only unless HOST says otherwise.
  const host = raw.HOST ?? (production ? '0.0.0.0' : '127.0.0.1')
  const warnings =
    !production && !isLoopbackAddress(host)
      ? [
          `DEVELOPMENT MODE IS LISTENING ON ${host}, BEYOND THIS MACHINE. Anyone who reaches port ` +
            `${raw.PORT} can sign in as the demo people with the public demo password. Unset HOST to ` +
            'listen on 127.0.0.1 only, or run with NODE_ENV=production.',
        ]
      : []
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '')
  const dataDir = isAbsolute(raw.DATA_DIR) ? raw.DATA_DIR : resolve(repoRoot, raw.DATA_DIR)
  return {
    production,
    demoMode: !production,
    port: raw.PORT,
    host,
    warnings,
    publicUrl,
    databaseUrl: raw.DATABASE_URL,
    databasePoolSize: raw.DATABASE_POOL_SIZE,
    dataDir,
    pgliteDir: join(dataDir, 'pglite'),
    staticDir: isAbsolute(raw.STATIC_DIR) ? raw.STATIC_DIR : resolve(repoRoot, raw.STATIC_DIR),
    authSecret: raw.AUTH_SECRET ?? demoAuthSecret(dataDir),
    smtpUrl: raw.SMTP_URL,
    sms: raw.SMS_ENABLED && raw.SMS_URL ? { url: raw.SMS_URL, sender: raw.SMS_SENDER } : null,
    smsEnabled: raw.SMS_ENABLED,
    mailFrom: raw.MAIL_FROM,
    logLevel: raw.LOG_LEVEL,
    outboxPollMs: raw.OUTBOX_POLL_MS,
    outboxRetentionMs: raw.OUTBOX_RETENTION_DAYS * 24 * 3_600_000,
    housekeepingIntervalMs: raw.HOUSEKEEPING_INTERVAL_MINUTES * 60_000,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    trustProxy: raw.TRUST_PROXY,
    auth: {
      publicUrl,
      secureCookies: publicUrl.startsWith('https://'),
      sessionIdleMs: raw.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: raw.SESSION_MAX_HOURS * 3_600_000,
      throttleWindowMs: raw.THROTTLE_WINDOW_MINUTES * 60_000,
      loginFailuresPerAccount: raw.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginFailuresPerAddress: raw.LOGIN_MAX_FAILURES_PER_ADDRESS,
      resetRequestsPerAccount: raw.RESET_MAX_PER_ACCOUNT,
      resetRequestsPerAddress: raw.RESET_MAX_PER_ADDRESS,
      smsStepUp: raw.SMS_ENABLED,
      stepUpSmsPerAccount: DEFAULT_AUTH_SETTINGS.stepUpSmsPerAccount,
      stepUpWrongCodesPerAccount: DEFAULT_AUTH_SETTINGS.stepUpWrongCodesPerAccount,
      caseWritesPerAccount: DEFAULT_AUTH_SETTINGS.caseWritesPerAccount,
    },
  }
}

/** In demo mode the secret is generated once and kept in the data folder, so sessions survive restarts. */
function demoAuthSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
