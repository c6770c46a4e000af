import { readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { ZRequestPasswordResetInput, ZSetPasswordInput } from './auth.ts'
import { type SignInInput, ZSignInInput } from './sign-in.ts'
import {
  checkRequestPasswordResetInput,
  checkSetPasswordInput,
  checkSignInInput,
  type FormCheck,
} from './sign-in-forms.ts'
import { TEXT_MESSAGES } from './text-rules.ts'

/** What a form acts on: accepted with its data, or each field's first problem. */
type Verdict =
  | { ok: true; data: unknown }
  | { ok: false; problems: Record<string, { code: string; message: string | undefined }> }

/** What zod's `safeParse` and the zod-free checks both return. */
interface Outcome {
  success: boolean
  data?: unknown
  error?: { issues: readonly { path: readonly PropertyKey[]; code: string; message?: string }[] }
}

const OWN_MESSAGES = new Set<string>([
  ...Object.values(TEXT_MESSAGES),
  'Ange ditt användarnamn.',
  'Ange ditt lösenord.',
  'Ange ditt användarnamn eller din e-postadress.',
  'Lösenordet måste ha minst 12 tecken.',
  'Lösenordet får ha högst 128 tecken.',
])

function verdict(result: Outcome): Verdict {
  if (result.success) return { ok: true, data: result.data }
  const problems: Record<string, { code: string; message: string | undefined }> = {}
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0] ?? '')
    // zod words what a schema leaves to it in whatever locale is loaded: only the schema's own words count.
    const message = issue.message !== undefined && OWN_MESSAGES.has(issue.message) ? issue.message : undefined
    problems[field] ??= { code: issue.code, message }
  }
  return { ok: false, problems }
}

/** A small seeded generator (mulberry32), so a failure names an input that can be run again. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Characters every rule lets through, some of which lower-casing changes (İ becomes two). */
const ORDINARY = ['a', 'a', 'a', 'A', 'İ', 'Å', 'ẞ', 'å', '@', ' ', '😀']
/** Characters the text rules refuse, and lone halves of a surrogate pair. */
const REFUSED = [
  '\t',
  '\n',
  '\r',
  '\u2028',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2067',
  '\ud800',
  '\udfff',
]
/** Spaces that trimming removes, which can move a value to the other side of a limit. */
const PADDING = [' ', '  ', '\u00a0', '\ufeff', '\u3000']
/** Lengths on either side of every limit the three forms have, and lengths within all of them. */
const LENGTHS = [
  ...[0, 1, 2, 11, 12, 13, 127, 128, 129, 199, 200, 201, 253, 254, 255, 1023, 1024, 1025],
  ...[20, 20, 20, 20, 43, 43, 43, 43, 60, 60, 60, 60],
]

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

function text(next: () => number): string {
  const characters = Array.from({ length: pick(next, LENGTHS) }, () => pick(next, ORDINARY))
  if (next() < 0.15) characters.splice(Math.floor(next() * (characters.length + 1)), 0, pick(next, REFUSED))
  if (next() < 0.3) characters.unshift(pick(next, PADDING))
  if (next() < 0.3) characters.push(pick(next, PADDING))
  return characters.join('')
}

function value(next: () => number): unknown {
  if (next() < 0.95) return text(next)
  return pick(next, [undefined, null, 0, 12, true, ['a'], [], {}, { length: 3 }, new String('anna')])
}

function input(next: () => number, fields: readonly string[]): unknown {
  const roll = next()
  if (roll < 0.03) return pick(next, [null, undefined, 'anna', 5, [], ['anna']])
  const result: Record<string, unknown> = {}
  for (const field of fields) if (next() < 0.97) result[field] = value(next)
  if (next() < 0.1) result.extra = 'kept out of the data'
  return result
}

const FORMS = [
  {
    name: 'Logga in',
    fields: ['username', 'password'],
    schema: ZSignInInput,
    check: checkSignInInput,
    table: [
      { username: '  Anna@Norrby.Example ', password: ' hemligt ' },
      { username: '   ', password: '' },
      { username: 'anna\u0000', password: 'x' },
      { username: 'anna', password: 'a\nb' },
      { username: 'a'.repeat(255), password: 'x' },
      { username: ` ${'a'.repeat(254)} `, password: 'x' },
      { username: 'anna', password: 'x'.repeat(1025) },
      { username: 'anna' },
      { username: 'İ'.repeat(200), password: 'x' },
      { username: '\u202eanna', password: '\ud800' },
      { username: 5, password: ['x'] },
      null,
      'anna',
    ],
  },
  {
    name: 'Glömt/skapa nytt lösenord',
    fields: ['username'],
    schema: ZRequestPasswordResetInput,
    check: checkRequestPasswordResetInput,
    table: [
      { username: ' Anna@Norrby.Example ' },
      { username: '' },
      { username: '\t' },
      { username: 'a'.repeat(255) },
      {},
      [],
    ],
  },
  {
    name: 'Nytt lösenord',
    fields: ['token', 'password'],
    schema: ZSetPasswordInput,
    check: checkSetPasswordInput,
    table: [
      { token: 'abc', password: 'ett långt lösenord' },
      { token: 'abc', password: 'kort' },
      { token: 'abc', password: '' },
      { token: '', password: 'ett långt lösenord' },
      { token: 'a'.repeat(201), password: 'ett långt lösenord' },
      { token: 'abc', password: 'x'.repeat(129) },
      { token: 'abc', password: ` ${'x'.repeat(127)}` },
      { token: 'abc', password: 'ett långt\u0000lösenord' },
      { password: 'ett långt lösenord' },
    ],
  },
] as const

describe.each(FORMS)('the zod-free check of "$name"', ({ fields, schema, check, table }) => {
  it.each(table.map((item) => [JSON.stringify(item) ?? String(item), item]))(
    'judges %s as the server’s schema does',
    (_name, item) => {
      expect(verdict(check(item))).toEqual(verdict(schema.safeParse(item)))
    },
  )

  it('judges 3000 generated inputs as the server’s schema does', () => {
    const next = random(fields.length * 7919)
    let refused = 0
    for (let run = 0; run < 3000; run++) {
      const item = input(next, fields)
      const expected = verdict(schema.safeParse(item))
      if (!expected.ok) refused++
      expect(verdict(check(item)), JSON.stringify(item)).toEqual(expected)
    }
    // The inputs reach both sides of the rules.
    expect(refused).toBeGreaterThan(300)
    expect(refused).toBeLessThan(2700)
  })

  it('words only what the schema words itself, with the same messages', () => {
    const next = random(fields.length * 104729)
    for (let run = 0; run < 500; run++) {
      const result = check(input(next, fields))
      for (const issue of result.success ? [] : result.error.issues) {
        if (issue.message !== undefined) expect(OWN_MESSAGES).toContain(issue.message)
      }
    }
  })
})

describe('the zod-free checks', () => {
  it('give the data in the shape the server’s schemas do', () => {
    expectTypeOf(checkSignInInput).returns.toEqualTypeOf<FormCheck<SignInInput>>()
    expect(checkSignInInput({ username: ' Anna@Norrby.Example', password: ' x ' })).toEqual({
      success: true,
      data: { username: 'anna@norrby.example', password: ' x ' },
    })
  })

  it('import nothing but the text rules, which import nothing: no zod on the pages that lead in', () => {
    const imports = (file: string) =>
      [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map(
        (match) => match[1],
      )
    expect(imports('./sign-in-forms.ts')).toEqual(['./text-rules.ts'])
    expect(imports('./text-rules.ts')).toEqual([])
  })
})
