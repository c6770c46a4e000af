import { TEXT_MESSAGES, textProblem } from './text-rules.ts'

/*
 * `@kundnav/schemas/sign-in-forms`: the rules of the forms that lead in — "Logga in", "Glömt/skapa nytt
 * lösenord" and "Nytt lösenord" — without zod, so those pages download no schema library. The server
 * validates the same input with zod: ZSignInInput (sign-in.ts, built from SIGN_IN_RULES below),
 * ZRequestPasswordResetInput and ZSetPasswordInput (auth.ts). sign-in-forms.test.ts holds each check to its
 * schema: for any input both accept or both refuse, give the same data, and name the same first problem
 * per field.
 */

/** zod's issue codes, as far as these forms can have them. */
export type FormIssueCode = 'invalid_type' | 'custom' | 'too_small' | 'too_big'

export interface FormIssue {
  /** The field; empty when the input is not an object at all. */
  readonly path: readonly string[]
  readonly code: FormIssueCode
  /** The schema's own wording of the problem; absent where zod words it (the forms word those themselves). */
  readonly message?: string
}

/** The shape of zod's `safeParse` result, so `validate` in the web app takes either. */
export type FormCheck<T> = { success: true; data: T } | { success: false; error: { issues: FormIssue[] } }

export interface TextRule {
  /** Trimmed and put in lower case before its length is checked, as usernames are. */
  readonly normalize?: boolean
  readonly min: number
  readonly max: number
  readonly tooShort?: string
  readonly tooLong?: string
}

export const SIGN_IN_RULES = {
  username: { normalize: true, min: 1, max: 254, tooShort: 'Ange ditt användarnamn.' },
  password: { min: 1, max: 1024, tooShort: 'Ange ditt lösenord.' },
} as const satisfies Record<string, TextRule>

const REQUEST_PASSWORD_RESET_RULES = {
  username: { normalize: true, min: 1, max: 254, tooShort: 'Ange ditt användarnamn eller din e-postadress.' },
} as const satisfies Record<string, TextRule>

const SET_PASSWORD_RULES = {
  token: { min: 1, max: 200 },
  password: {
    min: 12,
    max: 128,
    tooShort: 'Lösenordet måste ha minst 12 tecken.',
    tooLong: 'Lösenordet får ha högst 128 tecken.',
  },
} as const satisfies Record<string, TextRule>

/** "Logga in": what ZSignInInput accepts, and the username as it gives it (trimmed, in lower case). */
export function checkSignInInput(input: unknown): FormCheck<{ username: string; password: string }> {
  return checkForm(input, SIGN_IN_RULES)
}

/** "Glömt/skapa nytt lösenord": what ZRequestPasswordResetInput accepts. */
export function checkRequestPasswordResetInput(input: unknown): FormCheck<{ username: string }> {
  return checkForm(input, REQUEST_PASSWORD_RESET_RULES)
}

/** "Nytt lösenord": what ZSetPasswordInput accepts. */
export function checkSetPasswordInput(input: unknown): FormCheck<{ token: string; password: string }> {
  return checkForm(input, SET_PASSWORD_RULES)
}

function checkForm<F extends string>(
  input: unknown,
  rules: Record<F, TextRule>,
): FormCheck<Record<F, string>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { success: false, error: { issues: [{ path: [], code: 'invalid_type' }] } }
  }
  const data = {} as Record<F, string>
  const issues: FormIssue[] = []
  for (const field of Object.keys(rules) as F[]) {
    const checked = checkText((input as Partial<Record<F, unknown>>)[field], rules[field])
    if (typeof checked === 'string') data[field] = checked
    else issues.push({ path: [field], ...checked })
  }
  return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data }
}

/** The text as the field keeps it, or its first problem, in the order zod's checks find them. */
function checkText(value: unknown, rule: TextRule): string | Omit<FormIssue, 'path'> {
  if (typeof value !== 'string') return { code: 'invalid_type' }
  const problem = textProblem(value)
  if (problem) return { code: 'custom', message: TEXT_MESSAGES[problem] }
  const text = rule.normalize ? value.trim().toLowerCase() : value
  const length = characterCount(text)
  if (length < rule.min) return worded('too_small', rule.tooShort)
  if (length > rule.max) return worded('too_big', rule.tooLong)
  return text
}

/** Characters as zod counts a string's length: code points, so "😀" is one, not two UTF-16 units. */
function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

function worded(code: FormIssueCode, message: string | undefined): Omit<FormIssue, 'path'> {
  return message === undefined ? { code } : { code, message }
}
