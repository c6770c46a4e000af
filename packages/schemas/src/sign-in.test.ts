import { describe, expect, it } from 'vitest'
import { ZSignInInput } from './sign-in.ts'
import { TEXT_MESSAGES } from './text.ts'

const messages = (value: unknown) => {
  const result = ZSignInInput.safeParse(value)
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message])
}

describe('the sign-in form (zod/mini)', () => {
  it('takes the username trimmed and in lower case, and the password as typed', () => {
    expect(ZSignInInput.parse({ username: '  Anna@Norrby.Example ', password: ' hemligt ' })).toEqual({
      username: 'anna@norrby.example',
      password: ' hemligt ',
    })
  })

  it('asks for what is missing, in Swedish', () => {
    expect(messages({ username: '   ', password: '' })).toEqual([
      ['username', 'Ange ditt användarnamn.'],
      ['password', 'Ange ditt lösenord.'],
    ])
  })

  it('refuses control characters, line breaks and overlong values as zText does', () => {
    expect(messages({ username: 'anna\u0000', password: 'x' })).toEqual([['username', TEXT_MESSAGES.control]])
    expect(messages({ username: 'anna', password: 'a\nb' })).toEqual([['password', TEXT_MESSAGES.lineBreak]])
    expect(messages({ username: 'a'.repeat(255), password: 'x' })[0]?.[0]).toBe('username')
    expect(messages({ username: 'anna', password: 'x'.repeat(1025) })[0]?.[0]).toBe('password')
    expect(messages({ username: 'anna' })[0]?.[0]).toBe('password')
  })
})
