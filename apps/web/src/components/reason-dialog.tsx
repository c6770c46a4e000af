import { useState } from 'react'
import { type ActionProblem, ActionProblemAlert } from './action-problem.tsx'
import { Button } from './ui/button.tsx'
import { Dialog } from './ui/dialog.tsx'
import { ErrorSummary } from './ui/error-summary.tsx'
import { TextAreaField } from './ui/text-area-field.tsx'

/** The written text as the form checks it: the text to send, or what to fix. */
export type ReasonCheck = { data: string } | { message: string }

/**
 * A dialog naming the record that asks for a required text before the action: the reason for "Avslå" an
 * order, the final answer for "Avsluta ärende". Checked on submit (error summary and the message at the
 * field); a refusal about the record is said inside, with the reload offer, and the text written stays.
 * Escape or "Tillbaka" closes it and focus returns to what opened it.
 */
export function ReasonDialog({
  title,
  text,
  field,
  confirmLabel,
  busyLabel,
  goBackLabel,
  reloadLabel,
  warning = false,
  check,
  fieldRefusal,
  problemOf,
  onSubmit,
  onClose,
  onReload,
  returnFocus,
}: {
  title: string
  text: string
  field: { id: string; name: string; label: string; hint: string; rows: number }
  confirmLabel: string
  busyLabel: string
  goBackLabel: string
  reloadLabel: string
  /** The confirm button warns (a decision against the record). */
  warning?: boolean
  check: (value: string) => ReasonCheck
  /** The server's refusal of the text itself, worded for the field; null for any other failure. */
  fieldRefusal: (failure: unknown) => string | null
  problemOf: (failure: unknown) => ActionProblem
  /** Sends the text; rejects with the server's refusal. */
  onSubmit: (value: string) => Promise<unknown>
  onClose: () => void
  onReload: () => void
  returnFocus?: (() => HTMLElement | null | undefined) | undefined
}) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<ActionProblem | null>(null)
  const [busy, setBusy] = useState(false)

  function show(message: string) {
    setError(message)
    setAttempt((count) => count + 1)
  }

  async function submit() {
    if (busy) return
    setError(null)
    setProblem(null)
    const checked = check(value)
    if ('message' in checked) {
      show(checked.message)
      return
    }
    setBusy(true)
    try {
      await onSubmit(checked.data)
    } catch (failure) {
      setBusy(false)
      const refusal = fieldRefusal(failure)
      if (refusal) show(refusal)
      else setProblem(problemOf(failure))
    }
  }

  return (
    <Dialog title={title} onClose={onClose} returnFocus={returnFocus}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
        className="space-y-6"
      >
        {error ? <ErrorSummary key={attempt} errors={[{ fieldId: field.id, message: error }]} /> : null}
        {problem ? (
          <ActionProblemAlert
            problem={problem}
            reloadLabel={reloadLabel}
            onReload={() => {
              setProblem(null)
              onReload()
            }}
          />
        ) : null}
        <p>{text}</p>
        <TextAreaField
          id={field.id}
          name={field.name}
          label={field.label}
          hint={field.hint}
          error={error ?? undefined}
          rows={field.rows}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <div className="flex flex-wrap gap-4">
          <Button type="submit" variant={warning ? 'warning' : 'primary'} aria-disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {goBackLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
