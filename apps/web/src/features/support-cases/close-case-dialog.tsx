import { ZCloseCaseInput } from '@kundnav/schemas'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'
import { type CaseProblem, CaseProblemAlert, caseProblem } from './support-case-problem.tsx'

const ANSWER_ID = 'slutligt-svar'

/**
 * "Avsluta ärende 2026-000123?": asks for the final answer (required), says that the reporter is mailed it
 * and that a closed case stays closed, and closes the case on "Ja, avsluta och skicka svaret". A refusal
 * (someone changed the case meanwhile) is said inside, with "Ladda om ärendet"; the answer written stays.
 */
export function CloseCaseDialog({
  number,
  reporterName,
  onSubmit,
  onClose,
  onReload,
  returnFocus,
}: {
  number: string
  reporterName: string
  /** Closes the case with the answer; rejects with the server's refusal. */
  onSubmit: (answer: string) => Promise<unknown>
  onClose: () => void
  onReload: () => void
  returnFocus?: (() => HTMLElement | null | undefined) | undefined
}) {
  const { t } = useTranslation()
  const [answer, setAnswer] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [problem, setProblem] = useState<CaseProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const name = { name: reporterName }

  function show(message: string) {
    setError(message)
    setAttempt((count) => count + 1)
  }

  async function submit() {
    if (busy) return
    setError(null)
    setProblem(null)
    const parsed = ZCloseCaseInput.shape.answer.safeParse(answer)
    if (!parsed.success) {
      show(
        parsed.error.issues[0]?.code === 'too_big'
          ? t('supportCases.view.answerTooLong')
          : t('supportCases.view.answerRequired', name),
      )
      return
    }
    setBusy(true)
    try {
      await onSubmit(parsed.data)
    } catch (failure) {
      setBusy(false)
      if (trpcFieldErrors(failure).answer) show(t('supportCases.view.answerRequired', name))
      else setProblem(caseProblem(t, failure))
    }
  }

  return (
    <Dialog title={t('supportCases.view.closeTitle', { number })} onClose={onClose} returnFocus={returnFocus}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
        className="space-y-6"
      >
        {error ? <ErrorSummary key={attempt} errors={[{ fieldId: ANSWER_ID, message: error }]} /> : null}
        {problem ? (
          <CaseProblemAlert
            problem={problem}
            onReload={() => {
              setProblem(null)
              onReload()
            }}
          />
        ) : null}
        <p>{t('supportCases.view.closeText', name)}</p>
        <TextAreaField
          id={ANSWER_ID}
          name="answer"
          label={t('supportCases.view.answer')}
          hint={t('supportCases.view.answerHint', name)}
          error={error ?? undefined}
          rows={8}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
        />
        <div className="flex flex-wrap gap-4">
          <Button type="submit" aria-disabled={busy}>
            {busy ? t('supportCases.view.closing') : t('supportCases.view.closeConfirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('supportCases.view.goBack')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
