import { describe, expect, it } from 'vitest'
import { parseSignInUrl } from './auth-client.ts'

describe('parseSignInUrl', () => {
  it('is a success when the url has no error', () => {
    expect(parseSignInUrl('http://localhost:3000/')).toEqual({ ok: true })
  })

  it('reads the wrong-credentials code', () => {
    expect(
      parseSignInUrl('http://localhost:3000/logga-in?error=CredentialsSignin&code=INVALID_CREDENTIALS'),
    ).toEqual({ ok: false, code: 'INVALID_CREDENTIALS' })
  })

  it('reads the wait of a throttled sign-in', () => {
    expect(parseSignInUrl('/logga-in?error=CredentialsSignin&code=LOGIN_THROTTLED%3A125')).toEqual({
      ok: false,
      code: 'LOGIN_THROTTLED',
      waitSeconds: 125,
    })
  })

  it('treats anything else as the server being unavailable', () => {
    expect(parseSignInUrl('/logga-in?error=Configuration')).toEqual({ ok: false, code: 'UNAVAILABLE' })
  })
})
