import { textProblem } from '@kundnav/schemas'
import type { FieldDescription, LocalText, OfferingFields } from '@kundnav/schemas/catalogue'
import type { TFunction } from 'i18next'
import type { Language } from '../../i18n/i18n.ts'

/**
 * Any offering's own form, generically: what the inputs hold (strings, as typed), what the draft keeps and
 * the schema checks, and what the wizard says about each field, from the field's description
 * (`describeForm`) and the offering's own zod schema — the one the server checks with too.
 */

/** What the inputs hold, by field name: exactly what was typed or chosen. */
export type RawFieldValues = Record<string, string>

/** A field's value as a draft keeps it (ZDraftAnswers). */
export type DraftFieldValue = string | number | null

/** A list field's options as the page shows them, in the page's language. */
export interface ListOption {
  value: string
  label: string
}

/** The inputs' values from what a draft kept. */
export function rawFieldValues(
  fields: readonly FieldDescription[],
  stored: Readonly<Record<string, DraftFieldValue>> | undefined,
): RawFieldValues {
  const raw: RawFieldValues = {}
  for (const field of fields) {
    const value = stored?.[field.name]
    raw[field.name] = value === null || value === undefined ? '' : String(value)
  }
  return raw
}

/**
 * What the draft keeps and the schema checks: empty fields left out, a whole number typed as digits as a
 * number; anything else as typed, so the schema words its problem and "Tillbaka" keeps it.
 */
export function fieldAnswers(
  fields: readonly FieldDescription[],
  raw: Readonly<RawFieldValues>,
): Record<string, string | number> {
  const answers: Record<string, string | number> = {}
  for (const field of fields) {
    const value = raw[field.name] ?? ''
    if (value.trim() === '') continue
    const digits = value.replace(/[\s\u00a0]/g, '')
    answers[field.name] = field.kind === 'integer' && /^-?\d{1,15}$/.test(digits) ? Number(digits) : value
  }
  return answers
}

/** The label inside a sentence ("Ange antal vårdenheter."): lowercased first letter, unless an acronym. */
export function inSentence(label: string): string {
  const [first = '', second = ''] = label
  return second && second === second.toUpperCase() && second !== second.toLowerCase()
    ? label
    : first.toLowerCase() + label.slice(1)
}

function local(text: LocalText, language: Language): string {
  return text[language]
}

function number(value: number, language: Language): string {
  return value.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB')
}

/**
 * What is wrong with a field, worded from its description in the page's language and saying how to fix it;
 * `value` is what was sent to the schema (undefined when empty) and `code` the schema's zod issue code.
 */
export function fieldMessage(
  t: TFunction,
  language: Language,
  field: FieldDescription,
  value: string | number | undefined,
  code: string,
): string {
  const label = inSentence(local(field.label, language))
  const Label = local(field.label, language)
  if (field.kind === 'choice' || field.kind === 'source') return t('fieldErrors.choose', { label })
  if (value === undefined) return t('fieldErrors.required', { label })
  if (field.kind === 'integer') {
    const { min, max } = field
    if (min !== null && max !== null) {
      return t('fieldErrors.integerBetween', {
        label,
        min: number(min, language),
        max: number(max, language),
      })
    }
    if (min !== null) return t('fieldErrors.integerAtLeast', { label, min: number(min, language) })
    if (max !== null) return t('fieldErrors.integerAtMost', { label, max: number(max, language) })
    return t('fieldErrors.integer', { label })
  }
  if (code === 'too_big' && field.max !== null) {
    return t('fieldErrors.tooLong', { Label, max: number(field.max, language) })
  }
  if (code === 'custom' && typeof value === 'string') {
    return textProblem(value, true)
      ? t('fieldErrors.characters', { Label })
      : t('fieldErrors.lineBreak', { Label })
  }
  return t('fieldErrors.required', { label })
}

/**
 * The form checked with the offering's schema: the answers to keep, or a message per field (the first
 * problem of each), in the fields' order.
 */
export function checkFields(
  t: TFunction,
  language: Language,
  schema: OfferingFields,
  fields: readonly FieldDescription[],
  raw: Readonly<RawFieldValues>,
): { ok: true; answers: Record<string, string | number> } | { ok: false; errors: Record<string, string> } {
  const answers = fieldAnswers(fields, raw)
  const result = schema.safeParse(answers)
  if (result.success) return { ok: true, answers }
  const codes = new Map<string, string>()
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '')
    if (!codes.has(name)) codes.set(name, issue.code)
  }
  const errors: Record<string, string> = {}
  for (const field of fields) {
    const code = codes.get(field.name)
    if (code) errors[field.name] = fieldMessage(t, language, field, answers[field.name], code)
  }
  return { ok: false, errors }
}

/** A fixed list's options in the page's language. */
export function choiceOptions(field: FieldDescription, language: Language): ListOption[] {
  return field.options.map((option) => ({ value: option.value, label: local(option.label, language) }))
}

/**
 * A field's answer as the review and the order page show it: a list's option by its label (never its
 * code), a whole number as it is written in the page's language, a text as typed. Null when not given.
 */
export function displayValue(
  field: FieldDescription,
  value: unknown,
  language: Language,
  sourceOptions: readonly ListOption[] | undefined,
): string | null {
  if (value === undefined || value === null || value === '') return null
  if (field.kind === 'choice') {
    return choiceOptions(field, language).find((option) => option.value === value)?.label ?? String(value)
  }
  if (field.kind === 'source') {
    return sourceOptions?.find((option) => option.value === value)?.label ?? null
  }
  if (field.kind === 'integer' && typeof value === 'number') return number(value, language)
  return String(value)
}

/** Which input a field gets: long texts a text area, lists a drop-down list. */
export function inputKind(field: FieldDescription): 'number' | 'text' | 'textarea' | 'select' {
  if (field.kind === 'integer') return 'number'
  if (field.kind === 'choice' || field.kind === 'source') return 'select'
  return field.max !== null && field.max > 200 ? 'textarea' : 'text'
}
