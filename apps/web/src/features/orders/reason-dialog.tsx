import { ZReason } from '@kundnav/schemas'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'
import { actionProblem, type OrderProblem, OrderProblemAlert } from './order-problem.tsx'

const REASON_ID = 'motivering'

/**
 * "Avslå", "Avbryt beställningen", "Återkalla beställningen": a dialog naming the order that asks for the
 * reason (the orderer is told it, unless withdrawing it themselves). Escape or "Tillbaka" closes it and focus returns to the button that opened it.
 */
export function ReasonDialog({
  title,
  text,
  hint,
  confirmLabel,
  busyLabel,
  onSubmit,
  onClose,
  onReload,
  returnFocus,
}: {
  title: string
  text: string
  /** Who is shown or mailed the reason: the orderer, unless the orderer is the one writing it. */
  hint: string
  confirmLabel: string
  busyLabel: string
  /** Sends the reason; rejects with the server's refusal. */
  onSubmit: (reason: string) => Promise<unknown>
  onClose: () => void
  onReload: () => void
  returnFocus?: (() => HTMLElement | null | undefined) | undefined
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<OrderProblem | null>(null)
  const [busy, setBusy] = useState(false)

  function show(message: string) {
    setError(message)
    setAttempt((count) => count + 1)
  }

  async function submit() {
    if (busy) return
    setError(null)
    setProblem(null)
    const parsed = ZReason.safeParse(reason)
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.code
      show(
        code === 'too_big'
          ? t('order.reasonTooLong')
          : code === 'too_small'
            ? t('order.reasonMissing')
            : t('order.reasonCharacters'),
      )
      return
    }
    setBusy(true)
    try {
      await onSubmit(parsed.data)
    } catch (failure) {
      setBusy(false)
      if (trpcFieldErrors(failure).reason) show(t('order.reasonMissing'))
      else setProblem(actionProblem(t, failure))
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
        {error ? <ErrorSummary key={attempt} errors={[{ fieldId: REASON_ID, message: error }]} /> : null}
        {problem ? <OrderProblemAlert problem={problem} onReload={onReload} /> : null}
        <p>{text}</p>
        <TextAreaField
          id={REASON_ID}
          name="reason"
          label={t('order.reasonLabel')}
          hint={hint}
          error={error ?? undefined}
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="flex flex-wrap gap-4">
          <Button type="submit" variant="warning" aria-disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('order.goBack')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
