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

  it('refuses production mode without AUTH_SECRET and SMTP_URL, naming both', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET and SMTP_URL/)
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) })).toThrow(/needs SMTP_URL/)
  })

  it('runs production mode without demo data or mailbox when both are given', () => {
    const env = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail:587' })
    expect(env.production).toBe(true)
    expect(env.demoMode).toBe(false)
  })

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgresql/)
  })
})
