import { describe, expect, it } from 'vitest'
import { DecodedCookies } from './decoded-cookies.ts'

describe('DecodedCookies', () => {
  it('answers a cookie decoded before until the cookie expires, then forgets it', () => {
    const cache = new DecodedCookies()
    cache.set('cookie-a', 'token-a', 2_000)
    expect(cache.get('cookie-a', 1_999)).toBe('token-a')
    expect(cache.get('cookie-a', 2_000)).toBeUndefined()
    expect(cache.size).toBe(0)
    expect(cache.get('cookie-b', 0)).toBeUndefined()
  })

  it('keeps at most its limit, dropping the least recently used', () => {
    const cache = new DecodedCookies(2)
    cache.set('a', 'token-a', 10_000)
    cache.set('b', 'token-b', 10_000)
    expect(cache.get('a', 0)).toBe('token-a')
    cache.set('c', 'token-c', 10_000)
    expect(cache.get('b', 0)).toBeUndefined()
    expect(cache.get('a', 0)).toBe('token-a')
    expect(cache.get('c', 0)).toBe('token-c')
    expect(cache.size).toBe(2)
  })
})
