/**
 * Client-side validation with the shared zod schemas (@kundnav/schemas), on submit. The schemas' messages
 * are Swedish; the form turns each field's first problem (its zod issue code) into a text in the page's
 * language.
 */

interface Issue {
  readonly path: readonly PropertyKey[]
  readonly code: string
}

interface Schema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } }
}

/** The problem with one field: the zod issue code ("too_small", "custom", …). */
export type FieldIssues = Partial<Record<string, string>>

export type Validation<T> = { ok: true; data: T } | { ok: false; issues: FieldIssues }

export function validate<T>(schema: Schema<T>, values: unknown): Validation<T> {
  const result = schema.safeParse(values)
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
