import { describedBy, FieldHelp } from '../../components/ui/field-help.tsx'

export interface TopicOption {
  value: string
  label: string
  /** The topic's help text (seed 002), read out with the option. */
  hint: string
}

/**
 * Område or Delområde: one choice among a few, as radio buttons in a fieldset, each with its help text
 * under its label (and named by it for screen readers). The first radio gets `id`, so an error summary can
 * link to it.
 */
export function TopicChoice({
  id,
  legend,
  error,
  name,
  options,
  value,
  onChange,
}: {
  id: string
  legend: string
  error?: string | undefined
  name: string
  options: readonly TopicOption[]
  value: string | null
  onChange: (value: string) => void
}) {
  const groupId = `${id}-group`
  return (
    <fieldset
      aria-describedby={describedBy(groupId, undefined, error)}
      className={`space-y-2 ${error ? 'border-error border-l-4 pl-3' : ''}`}
    >
      <legend className="mb-1 font-semibold">{legend}</legend>
      <FieldHelp id={groupId} error={error} />
      <div className="space-y-3">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={`${optionId}-hint`}
                className="mt-1 size-6 shrink-0 accent-brand"
              />
              <div>
                <label htmlFor={optionId} className="block py-1 font-semibold">
                  {option.label}
                </label>
                <p id={`${optionId}-hint`} className="max-w-prose text-ink-muted">
                  {option.hint}
                </p>
              </div>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
