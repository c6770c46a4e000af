import { type SelectHTMLAttributes, useId } from 'react'
import { describedBy, FieldHelp } from './field-help.tsx'

export interface SelectOption {
  value: string
  label: string
  /** The label's language, when it differs from the page's (a language named in itself). */
  lang?: string
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: string
  hint?: string | undefined
  /** The message saying what is wrong and how to fix it, as TextField shows it. */
  error?: string | undefined
  options: readonly SelectOption[]
}

/** A drop-down list with its label above it, an optional hint under the label and, after a failed submit, its error. */
export function SelectField({
  label,
  hint,
  error,
  options,
  id: givenId,
  className = '',
  ...props
}: SelectFieldProps) {
  const generatedId = useId()
  const id = givenId ?? generatedId
  return (
    <div className={`space-y-1 ${error ? 'border-error border-l-4 pl-3' : ''}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldHelp id={id} hint={hint} error={error} />
      <select
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`block min-h-11 w-full max-w-md rounded-none border-2 bg-white px-2 py-1 ${error ? 'border-error' : 'border-ink'} ${className}`}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
