import { type ReactNode, useId } from 'react'
import { describedBy, FieldHelp } from './field-help.tsx'

export interface RadioOption {
  value: string
  label: string
  /** A help text under the option's label, read out with it (GOV.UK's radio item hint). */
  hint?: string
  /** Shown under the option when it is chosen (GOV.UK's conditional reveal), e.g. the fields of a new address. */
  revealed?: ReactNode
}

/**
 * One choice among a few, as radio buttons in a fieldset: the legend is the question, a hint under it,
 * then the error, as CheckboxGroup has them. The first radio gets `id`, so an error summary can link to it.
 * Given `headingId`, the legend is the section's `h2` (GOV.UK's legend as page heading): the question once.
 */
export function RadioGroup({
  id,
  legend,
  hint,
  error,
  name,
  options,
  value,
  onChange,
  headingId,
}: {
  id: string
  legend: string
  /** The legend is an `h2` with this id (the heading a section is labelled by). */
  headingId?: string | undefined
  hint?: string | undefined
  error?: string | undefined
  name: string
  options: readonly RadioOption[]
  value: string | null
  onChange: (value: string) => void
}) {
  const baseId = useId()
  return (
    <fieldset
      aria-describedby={describedBy(baseId, hint, error)}
      className={`space-y-2 ${error ? 'border-error border-l-4 pl-3' : ''}`}
    >
      {headingId ? (
        <legend className="mb-3">
          <h2 id={headingId} className="font-bold text-2xl">
            {legend}
          </h2>
        </legend>
      ) : (
        <legend className="mb-1 font-semibold">{legend}</legend>
      )}
      <FieldHelp id={baseId} hint={hint} error={error} />
      <div className={options.some((option) => option.hint) ? 'space-y-3' : 'space-y-2'}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`
          const checked = value === option.value
          const hintId = option.hint ? `${optionId}-hint` : undefined
          return (
            <div key={option.value}>
              <div className={`flex gap-3 ${hintId ? 'items-start' : 'items-center'}`}>
                <input
                  id={optionId}
                  type="radio"
                  name={name}
                  value={option.value}
                  checked={checked}
                  onChange={() => onChange(option.value)}
                  aria-describedby={hintId}
                  className={`size-6 shrink-0 accent-brand ${hintId ? 'mt-1' : ''}`}
                />
                {hintId ? (
                  <div>
                    <label htmlFor={optionId} className="block py-1 font-semibold">
                      {option.label}
                    </label>
                    <p id={hintId} className="max-w-prose text-ink-muted">
                      {option.hint}
                    </p>
                  </div>
                ) : (
                  <label htmlFor={optionId} className="py-1">
                    {option.label}
                  </label>
                )}
              </div>
              {checked && option.revealed ? (
                <div className="mt-3 ml-3 space-y-6 border-line border-l-4 pl-6">{option.revealed}</div>
              ) : null}
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
