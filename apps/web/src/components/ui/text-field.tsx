import { type InputHTMLAttributes, type Ref, useId } from 'react'
import { describedBy, FieldHelp } from './field-help.tsx'

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  hint?: string | undefined
  /** The message saying what is wrong and how to fix it; shown above the field, as GOV.UK forms do. */
  error?: string | undefined
  ref?: Ref<HTMLInputElement> | undefined
}

/**
 * A text input with its label above it, an optional hint under the label and, after a failed submit,
 * its error message. Pass `id` when an error summary links to the field.
 */
export function TextField({ label, hint, error, id, className = '', ...props }: TextFieldProps) {
  const generatedId = useId()
  const inputId = id ?? generatedId
  return (
    <div className={`space-y-1 ${error ? 'border-error border-l-4 pl-3' : ''}`}>
      <label htmlFor={inputId} className="block font-semibold">
        {label}
      </label>
      <FieldHelp id={inputId} hint={hint} error={error} />
      <input
        id={inputId}
        aria-describedby={describedBy(inputId, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`block min-h-11 w-full max-w-md rounded-none border-2 bg-white px-2 py-1 ${error ? 'border-error' : 'border-ink'} ${className}`}
        {...props}
      />
    </div>
  )
}
