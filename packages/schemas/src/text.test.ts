import { describe, expect, it } from 'vitest'
import { ZChangePasswordInput, ZName } from './auth.ts'
import { zDate } from './date.ts'
import { ZSignInInput } from './sign-in.ts'
import { TEXT_MESSAGES, zText } from './text.ts'
import { ZEmail } from './user.ts'

const message = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message

describe('the shared text schema', () => {
  it('refuses NUL and other control characters with a message that says so', () => {
    for (const bad of ['a\u0000b', '\u0001', 'x\u001b[31m', 'del\u007f', 'c1\u0085']) {
      expect(message(zText().safeParse(bad)), JSON.stringify(bad)).toBe(TEXT_MESSAGES.control)
    }
  })

  it('allows tab and line breaks only in multi-line fields', () => {
    expect(message(zText().safeParse('rad ett\nrad två'))).toBe(TEXT_MESSAGES.lineBreak)
    expect(message(zText().safeParse('a\tb'))).toBe(TEXT_MESSAGES.lineBreak)
    expect(message(zText().safeParse('a\u2028b'))).toBe(TEXT_MESSAGES.lineBreak)
    expect(zText({ multiline: true }).parse('rad ett\r\nrad två\tslut')).toBe('rad ett\r\nrad två\tslut')
    expect(message(zText({ multiline: true }).safeParse('rad\u0000'))).toBe(TEXT_MESSAGES.control)
  })

  it('refuses bidirectional overrides and isolates', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(message(zText().safeParse(`abc${String.fromCharCode(code)}def`))).toBe(TEXT_MESSAGES.bidi)
    }
  })

  it('refuses lone surrogates but keeps characters outside the basic plane', () => {
    expect(message(zText().safeParse('a\uD800b'))).toBe(TEXT_MESSAGES.surrogate)
    expect(message(zText().safeParse('\uDC00'))).toBe(TEXT_MESSAGES.surrogate)
    expect(zText().parse('Åsa 😀 Öberg')).toBe('Åsa 😀 Öberg')
  })

  it('is what names, e-mail addresses, sign-in and passwords are built on', () => {
    expect(message(ZName.safeParse('Anna\u202eAndersson'))).toBe(TEXT_MESSAGES.bidi)
    expect(message(ZEmail.safeParse('anna\u0000@norrby.example'))).toBe(TEXT_MESSAGES.control)
    expect(ZSignInInput.safeParse({ username: 'anna\u0000', password: 'x' }).success).toBe(false)
    expect(
      ZChangePasswordInput.safeParse({ currentPassword: 'a\u0000', newPassword: 'ett långt lösenord' })
        .success,
    ).toBe(false)
  })
})

describe('the shared date schema', () => {
  it('refuses dates the database cannot store, with a message', () => {
    expect(zDate().safeParse(new Date(8.64e15)).error?.issues[0]?.message).toMatch(/9999/)
    expect(zDate().safeParse(new Date(-8.64e15)).error?.issues[0]?.message).toMatch(/1900/)
    expect(zDate().safeParse(new Date(Number.NaN)).success).toBe(false)
    expect(zDate().parse(new Date('2026-12-02T12:00:00Z'))).toEqual(new Date('2026-12-02T12:00:00Z'))
  })

  it('reads a date as JSON carries it, an ISO 8601 string with its offset, and nothing looser', () => {
    expect(zDate().parse('2026-12-02T12:00:00.123Z')).toEqual(new Date('2026-12-02T12:00:00.123Z'))
    expect(zDate().parse('2026-12-02T13:00:00+01:00')).toEqual(new Date('2026-12-02T12:00:00Z'))
    for (const loose of ['2026', '2026-12-02', 'yesterday', '1700000000000', '2026-13-02T12:00:00Z', '']) {
      expect(zDate().safeParse(loose).error?.issues[0]?.message, loose).toBe('Ange ett giltigt datum.')
    }
    expect(zDate().safeParse(1_700_000_000_000).success).toBe(false)
    expect(zDate().safeParse('1800-01-01T00:00:00Z').error?.issues[0]?.message).toMatch(/1900/)
  })
})
