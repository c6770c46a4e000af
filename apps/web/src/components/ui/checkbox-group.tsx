import { useId } from 'react'
import { describedBy, FieldHelp } from './field-help.tsx'

export interface CheckboxOption {
  value: string
  label: string
}

/**
 * A group of checkboxes in a fieldset: the legend is the question, a hint under it, then the error, as
 * GOV.UK forms have. The first checkbox gets `id`, so an error summary can link to the group.
 */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  name,
  options,
  value,
  onChange,
}: {
  id: string
  legend: string
  hint?: string | undefined
  error?: string | undefined
  name: string
  options: readonly CheckboxOption[]
  value: readonly string[]
  onChange: (value: string[]) => void
}) {
  const baseId = useId()

  function toggle(option: string, checked: boolean) {
    const next = new Set(value)
    if (checked) next.add(option)
    else next.delete(option)
    // Keep the options' order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((o) => next.has(o)))
  }

  return (
    <fieldset
      aria-describedby={describedBy(baseId, hint, error)}
      className={`space-y-2 ${error ? 'border-error border-l-4 pl-3' : ''}`}
    >
      <legend className="mb-1 font-semibold">{legend}</legend>
      <FieldHelp id={baseId} hint={hint} error={error} />
      <div className="space-y-1">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`
          return (
            <div key={option.value} className="flex items-center gap-3">
              <input
                id={optionId}
                type="checkbox"
                name={name}
                value={option.value}
                checked={value.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                className="size-6 shrink-0 accent-brand"
              />
              <label htmlFor={optionId} className="py-1">
                {option.label}
              </label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
