import { type MouseEvent, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorCodeMessage } from '../../lib/trpc-error.ts'
import { Alert } from './alert.tsx'

export interface FieldError {
  /** The `id` of the field the message is about. */
  fieldId: string
  message: string
}

/**
 * "Det finns fel i formuläret" at the top of a form after a failed submit: focus moves here (so it is
 * read out), and each message links to its field. Give it a `key` per submit to focus it again.
 */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()

  useEffect(() => {
    ref.current?.focus()
  }, [])

  function goToField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId)
    if (!field) return
    event.preventDefault()
    field.focus()
    field.scrollIntoView({ block: 'center' })
  }

  if (errors.length === 0) return null
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className="mb-6 max-w-prose border-4 border-error p-4"
    >
      <h2 id={titleId} className="mb-3 font-bold text-xl">
        {t('common.errorSummaryTitle')}
      </h2>
      <ul className="space-y-1">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => goToField(event, error.fieldId)}
              className="font-bold text-error visited:text-error"
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The top of a form after a failed submit: the error summary (keyed by `attempt`, so it takes focus again
 * after each try) and, when saving failed for a reason that is not about a field, "Det gick inte att spara".
 */
export function FormErrors({
  errors,
  attempt,
  failed,
  error,
}: {
  errors: readonly FieldError[]
  attempt: number
  failed: boolean
  /** The failure itself: an unexpected one carries the error code the person gives support. */
  error?: unknown
}) {
  const { t } = useTranslation()
  const code = failed ? errorCodeMessage(t, error) : null
  return (
    <>
      {errors.length > 0 ? <ErrorSummary key={attempt} errors={errors} /> : null}
      {failed ? (
        <Alert tone="error">
          <p>{t('common.saveFailed')}</p>
          {code ? <p>{code}</p> : null}
        </Alert>
      ) : null}
    </>
  )
}
