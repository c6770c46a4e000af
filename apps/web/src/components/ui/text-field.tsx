import { type InputHTMLAttributes, useId } from 'react'

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string
  hint?: string | undefined
}

/** A text input with its label above it and an optional hint under the label, as GOV.UK forms have. */
export function TextField({ label, hint, className = '', ...props }: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-ink-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-describedby={hint ? hintId : undefined}
        className={`block min-h-11 w-full max-w-md rounded-none border-2 border-ink bg-white px-2 py-1 ${className}`}
        {...props}
      />
    </div>
  )
}
