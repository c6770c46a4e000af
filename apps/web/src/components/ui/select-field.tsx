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
  options: readonly SelectOption[]
}

/** A drop-down list with its label above it and an optional hint under the label. */
export function SelectField({
  label,
  hint,
  options,
  id: givenId,
  className = '',
  ...props
}: SelectFieldProps) {
  const generatedId = useId()
  const id = givenId ?? generatedId
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldHelp id={id} hint={hint} />
      <select
        id={id}
        aria-describedby={describedBy(id, hint, undefined)}
        className={`block min-h-11 w-full max-w-md rounded-none border-2 border-ink bg-white px-2 py-1 ${className}`}
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
