import { describe, expect, it } from 'vitest'
import { idleTimeLeft, WARNING_MS } from './idle-timeout.tsx'

const MINUTE = 60_000

describe('idleTimeLeft', () => {
  it('counts from the last successful call, half a minute short of the server (it writes "last seen" lazily)', () => {
    expect(idleTimeLeft(30 * MINUTE, 0, 0)).toBe(29.5 * MINUTE)
    expect(idleTimeLeft(30 * MINUTE, 0, 29.5 * MINUTE)).toBe(0)
  })

  it('reaches the two-minute warning 27½ minutes after the last call', () => {
    expect(idleTimeLeft(30 * MINUTE, 0, 27.5 * MINUTE)).toBe(WARNING_MS)
  })
})
