import type { TFunction } from 'i18next'
import { useState } from 'react'
import { appErrorMessage, trpcFieldErrors } from './trpc-error.ts'

/**
 * Forms, as UX.md has them: checked on submit with the shared zod schemas (@kundnav/schemas), or on the
 * pages that lead in with their zod-free checks (@kundnav/schemas/sign-in-forms), each field's problem said
 * next to the field and listed in the error summary, in the page's language. The schemas' messages are
 * Swedish, so a form words each field's first problem (its zod issue code) itself; what the server refuses
 * about a field is shown the same way.
 */

interface Issue {
  readonly path: readonly PropertyKey[]
  readonly code: string
}

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } }

interface Schema<T> {
  safeParse(value: unknown): Parsed<T>
}

/** The problem with one field: the zod issue code ("too_small", "custom", …). */
export type FieldIssues = Partial<Record<string, string>>

export type Validation<T> = { ok: true; data: T } | { ok: false; issues: FieldIssues }

/** Checks `values` with a zod schema, or with a check that answers as `safeParse` does. */
export function validate<T>(
  schema: Schema<T> | ((value: unknown) => Parsed<T>),
  values: unknown,
): Validation<T> {
  const result = typeof schema === 'function' ? schema(values) : schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const issues: FieldIssues = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '')
    issues[field] ??= issue.code
  }
  return { ok: false, issues }
}

/** A form's text fields, as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string') values[key] = value
  }
  return values
}

/** The message per field, saying what is wrong and how to fix it. */
export type FieldMessages<F extends string> = Partial<Record<F, string>>

/**
 * A form's messages per field, and the list its error summary shows (in the fields' order). `show` counts
 * the attempt too: give the summary `key={attempt}`, so it takes focus again after each failed submit.
 */
export function useFieldErrors<F extends string>(fieldIds: Readonly<Record<F, string>>) {
  const [errors, setErrors] = useState<FieldMessages<F>>({})
  const [attempt, setAttempt] = useState(0)
  const summary = (Object.keys(fieldIds) as F[]).flatMap((field) => {
    const message = errors[field]
    return message ? [{ fieldId: fieldIds[field], message }] : []
  })
  return {
    errors,
    attempt,
    summary,
    show(next: FieldMessages<F>) {
      setErrors(next)
      setAttempt((count) => count + 1)
    },
    clear() {
      setErrors({})
    },
  }
}

/**
 * The schema's verdict on a field of the forms that register people (member.add, member.setRoles,
 * caseOfficer.add), said in the page's language and telling how to fix it. The schema decides what is
 * wrong; this only words it.
 */
export function personFieldMessage(
  t: TFunction,
  field: string,
  code: string,
  value: unknown,
  options: { rolesRequired?: 'add' | 'change' } = {},
): string {
  const empty = typeof value === 'string' ? value.trim() === '' : false
  switch (field) {
    case 'name':
      return code === 'too_big' ? t('admin.validation.nameTooLong') : t('admin.validation.nameRequired')
    case 'email':
      return empty ? t('admin.validation.emailRequired') : t('admin.validation.emailFormat')
    case 'username':
      if (empty) return t('admin.validation.usernameRequired')
      if (code === 'too_small') return t('admin.validation.usernameTooShort')
      if (code === 'too_big') return t('admin.validation.usernameTooLong')
      return t('admin.validation.usernameCharacters')
    case 'roles':
      return options.rolesRequired === 'change'
        ? t('admin.validation.rolesRequiredOrRemove')
        : t('admin.validation.rolesRequired')
    case 'organizationName':
      return code === 'too_big'
        ? t('admin.validation.organizationNameTooLong')
        : t('admin.validation.organizationNameRequired')
    default:
      return t('common.saveFailed')
  }
}

/** `validate`'s issues on a person form's fields, each worded by `personFieldMessage`. */
export function personFieldErrors<F extends string>(
  t: TFunction,
  issues: FieldIssues,
  values: Readonly<Record<string, unknown>>,
  fieldIds: Readonly<Record<F, string>>,
): FieldMessages<F> {
  const found: FieldMessages<F> = {}
  for (const [field, code] of Object.entries(issues)) {
    if (code && Object.hasOwn(fieldIds, field))
      found[field as F] = personFieldMessage(t, field, code, values[field])
  }
  return found
}

/**
 * What the server refused about the form's fields: its zod messages, or an AppError's field (a taken
 * username, a wrong password), said in the page's language when the app knows the code. Empty when the
 * refusal was not about a field: the form then says that it could not save.
 */
export function serverFieldErrors<F extends string>(
  t: TFunction,
  error: unknown,
  fieldIds: Readonly<Record<F, string>>,
): FieldMessages<F> {
  const appMessage = appErrorMessage(t, error)
  const found: FieldMessages<F> = {}
  for (const [field, [message]] of Object.entries(trpcFieldErrors(error))) {
    if (message && Object.hasOwn(fieldIds, field)) found[field as F] = appMessage ?? message
  }
  return found
}

/** Whether any field has a message: the form is not sent then, or the server's refusal was about a field. */
export function hasMessages(messages: FieldMessages<string>): boolean {
  return Object.values(messages).some(Boolean)
}
