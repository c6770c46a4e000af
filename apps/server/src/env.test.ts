import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.ts'

describe('environment', () => {
  it('runs in demo mode by default, generating an auth secret once into the data folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-env-'))
    const first = parseEnv({ DATA_DIR: dataDir })
    expect(first.demoMode).toBe(true)
    expect(first.port).toBe(3000)
    expect(first.pgliteDir).toBe(join(dataDir, 'pglite'))
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32)
    expect(readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim()).toBe(first.authSecret)
    expect(parseEnv({ DATA_DIR: dataDir }).authSecret).toBe(first.authSecret)
  })

  it('refuses production mode without AUTH_SECRET, SMTP_URL and SMS_URL, naming each missing one', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/needs AUTH_SECRET, SMTP_URL and SMS_URL/)
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) })).toThrow(
      /needs SMTP_URL and SMS_URL/,
    )
    expect(() =>
      parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail:587' }),
    ).toThrow(/needs SMS_URL\. .*SMS_ENABLED=false/)
  })

  it('runs production mode without demo data or mailbox when all are given, or with SMS switched off', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail:587',
      SMS_URL: 'https://u:p@api.46elks.com/a1/sms',
    })
    expect(env.production).toBe(true)
    expect(env.demoMode).toBe(false)
    expect(env.sms).toEqual({ url: 'https://u:p@api.46elks.com/a1/sms', sender: 'Kundnav' })
    const withoutSms = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail:587',
      SMS_ENABLED: 'false',
    })
    expect([withoutSms.sms, withoutSms.smsEnabled]).toEqual([null, false])
  })

  it('takes an SMS gateway as an http(s) address and a sender of 1–11 letters and digits', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-env-'))
    expect(() => parseEnv({ DATA_DIR: dataDir, SMS_URL: 'ftp://x/a1/sms' })).toThrow(
      /SMS_URL must be an http/,
    )
    expect(() => parseEnv({ DATA_DIR: dataDir, SMS_SENDER: 'Kundnavportalen' })).toThrow(/SMS_SENDER/)
    expect(
      parseEnv({ DATA_DIR: dataDir, SMS_URL: 'http://127.0.0.1:9/a1/sms', SMS_SENDER: 'Inera' }).sms,
    ).toEqual({ url: 'http://127.0.0.1:9/a1/sms', sender: 'Inera' })
    // Development without a gateway: SMS go to the development mailbox.
    expect(parseEnv({ DATA_DIR: dataDir })).toMatchObject({ sms: null, smsEnabled: true })
  })

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgresql/)
  })
})

describe('where the server listens', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://mail:587',
    SMS_ENABLED: 'false',
  }

  it('listens on this machine only in development and test mode, on every interface in production', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-env-'))
    expect(parseEnv({ DATA_DIR: dataDir }).host).toBe('127.0.0.1')
    expect(parseEnv({ DATA_DIR: dataDir, NODE_ENV: 'test' }).host).toBe('127.0.0.1')
    expect(parseEnv(production).host).toBe('0.0.0.0')
  })

  it('listens where HOST says, warning when development mode is reachable from other machines', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-env-'))
    for (const host of ['0.0.0.0', '::', '192.0.2.2', 'portal.example.se']) {
      const env = parseEnv({ DATA_DIR: dataDir, HOST: host })
      expect(env.host).toBe(host)
      expect(env.warnings).toEqual([expect.stringContaining(`DEVELOPMENT MODE IS LISTENING ON ${host}`)])
    }
    for (const host of ['127.0.0.1', '127.0.1.1', '::1', 'localhost']) {
      expect(parseEnv({ DATA_DIR: dataDir, HOST: host }).warnings, host).toEqual([])
    }
    expect(parseEnv({ DATA_DIR: dataDir }).warnings).toEqual([])
    expect(parseEnv({ ...production, HOST: '0.0.0.0' }).warnings).toEqual([])
    expect(parseEnv({ ...production, HOST: '10.1.2.3' }).host).toBe('10.1.2.3')
  })
})

describe('sign-in settings', () => {
  it('reads the session and throttling limits, and uses secure cookies only for an https PUBLIC_URL', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-env-'))
    const plain = parseEnv({ DATA_DIR: dataDir })
    expect(plain.auth).toMatchObject({
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3_600_000,
      loginFailuresPerAccount: 10,
      loginFailuresPerAddress: 100,
    })
    const tuned = parseEnv({
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://portal.example.se/',
      SESSION_IDLE_MINUTES: '5',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      TRUST_PROXY: 'true',
    })
    expect(tuned.auth).toMatchObject({
      publicUrl: 'https://portal.example.se',
      secureCookies: true,
      sessionIdleMs: 5 * 60_000,
      loginFailuresPerAccount: 1000,
    })
    expect(tuned.trustProxy).toBe(true)
  })
})

describe('housekeeping settings', () => {
  it('keeps delivered mail a week and cleans up every ten minutes unless told otherwise', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kundnav-env-'))
    expect(parseEnv({ DATA_DIR: dataDir })).toMatchObject({
      outboxRetentionMs: 7 * 24 * 3_600_000,
      housekeepingIntervalMs: 10 * 60_000,
    })
    expect(
      parseEnv({ DATA_DIR: dataDir, OUTBOX_RETENTION_DAYS: '1', HOUSEKEEPING_INTERVAL_MINUTES: '2' }),
    ).toMatchObject({ outboxRetentionMs: 24 * 3_600_000, housekeepingIntervalMs: 2 * 60_000 })
  })
})
