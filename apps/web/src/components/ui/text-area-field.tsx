import { type TextareaHTMLAttributes, useId } from 'react'
import { describedBy, FieldHelp } from './field-help.tsx'

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string
  hint?: string | undefined
  /** The message saying what is wrong and how to fix it, as TextField shows it. */
  error?: string | undefined
}

/** TextField's twin for text of several lines: label above, hint under it, then the error. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  className = '',
  rows = 5,
  ...props
}: TextAreaFieldProps) {
  const generatedId = useId()
  const inputId = id ?? generatedId
  return (
    <div className={`space-y-1 ${error ? 'border-error border-l-4 pl-3' : ''}`}>
      <label htmlFor={inputId} className="block font-semibold">
        {label}
      </label>
      <FieldHelp id={inputId} hint={hint} error={error} />
      <textarea
        id={inputId}
        rows={rows}
        aria-describedby={describedBy(inputId, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-2xl rounded-none border-2 bg-white px-2 py-1 ${error ? 'border-error' : 'border-ink'} ${className}`}
        {...props}
      />
    </div>
  )
}
