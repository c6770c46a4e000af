/**
 * What a form field says under its label: the hint, then after a failed submit the error message
 * (GOV.UK's order). The field names both in `aria-describedby={describedBy(id, hint, error)}`.
 */
export function FieldHelp({
  id,
  hint,
  error,
}: {
  id: string
  hint?: string | undefined
  error?: string | undefined
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="font-bold text-error">
          {error}
        </p>
      ) : null}
    </>
  )
}

/** The ids of the hint and the error `FieldHelp` shows for `id`, or undefined when it shows neither. */
export function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
}
