import { type FormEvent, useEffect, useRef } from 'react'
import { Button } from './button.tsx'
import { TextField } from './text-field.tsx'

/**
 * A search that runs when the form is sent, never while typing: a `search` landmark named `legend`, one
 * search field, the button, "Visa alla" while a search is active, and `status` ("Visar personer som
 * matchar …") announced after the list changed. `onSearch` gets the trimmed text, or undefined for none.
 * The field is new after each search (its key), and "Visa alla" goes away once pressed: focus that was on
 * either stays with the search field instead of falling to the page.
 */
export function SearchForm({
  legend,
  name,
  label,
  hint,
  value,
  submitLabel,
  clearLabel,
  status,
  onSearch,
}: {
  legend: string
  name: string
  label: string
  hint: string
  value: string | undefined
  submitLabel: string
  clearLabel: string
  status: string | null
  onSearch: (value: string | undefined) => void
}) {
  const fieldRef = useRef<HTMLInputElement>(null)
  const keepFocus = useRef(false)

  // When the search has changed (`value`): the field was replaced, or "Visa alla" removed.
  useEffect(() => {
    if (!keepFocus.current) return
    keepFocus.current = false
    const active = document.activeElement
    if (!active || active === document.body) fieldRef.current?.focus()
  }, [value])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    keepFocus.current = true
    const text = new FormData(event.currentTarget).get(name)
    const trimmed = typeof text === 'string' ? text.trim() : ''
    onSearch(trimmed || undefined)
  }

  return (
    <search aria-label={legend} className="mb-6 block">
      <form onSubmit={submit}>
        {/* The key resets the field when the search changes from elsewhere (back button, "Visa alla"). */}
        <TextField
          key={value ?? ''}
          ref={fieldRef}
          name={name}
          type="search"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value ?? ''}
          label={label}
          hint={hint}
        />
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Button type="submit">{submitLabel}</Button>
          {value ? (
            <Button
              variant="secondary"
              onClick={() => {
                keepFocus.current = true
                onSearch(undefined)
              }}
            >
              {clearLabel}
            </Button>
          ) : null}
        </div>
      </form>
      <p role="status" className={status ? 'mt-3' : 'sr-only'}>
        {status ?? ''}
      </p>
    </search>
  )
}
