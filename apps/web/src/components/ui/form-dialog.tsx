import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './button.tsx'
import { Dialog } from './dialog.tsx'
import { type FieldError, FormErrors } from './error-summary.tsx'

/**
 * A form in a dialog, checked when sent: the error summary after a failed submit (`errors`, keyed by
 * `attempt` so it takes focus again), "Det gick inte att spara" when the failure was not about a field
 * (`failed`), the fields, then "Spara" and "Avbryt". The submit button is never disabled (UX.md).
 */
export function FormDialog({
  title,
  errors,
  attempt,
  failed,
  error,
  busy,
  onSubmit,
  onClose,
  returnFocus,
  submitLabel,
  busyLabel,
  children,
}: {
  title: string
  errors: readonly FieldError[]
  attempt: number
  failed: boolean
  /** The failure, for its error code (see FormErrors). */
  error?: unknown
  busy: boolean
  onSubmit: () => void
  onClose: () => void
  returnFocus?: (() => HTMLElement | null | undefined) | undefined
  /** The submit button's label and its label while busy, when not "Spara" ("Publicera"). */
  submitLabel?: string
  busyLabel?: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Dialog title={title} onClose={onClose} returnFocus={returnFocus}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!busy) onSubmit()
        }}
        className="space-y-6"
      >
        <FormErrors errors={errors} attempt={attempt} failed={failed} error={error} />
        {children}
        <div className="flex flex-wrap gap-4">
          <Button type="submit" aria-disabled={busy}>
            {busy ? (busyLabel ?? t('common.saving')) : (submitLabel ?? t('common.save'))}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
