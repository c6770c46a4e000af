import { ZCloseCaseInput } from '@kundnav/schemas'
import { useTranslation } from 'react-i18next'
import { ReasonDialog } from '../../components/reason-dialog.tsx'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'
import { caseProblem } from './support-case-problem.tsx'

/**
 * "Avsluta ärende 2026-000123?": asks for the final answer (required), says that the reporter is mailed it
 * and that a closed case stays closed, and closes the case on "Ja, avsluta och skicka svaret". A refusal
 * (someone changed the case meanwhile) is said inside, with "Ladda om ärendet"; the answer written stays.
 */
export function CloseCaseDialog({
  number,
  reporterName,
  ...props
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
  const name = { name: reporterName }
  return (
    <ReasonDialog
      {...props}
      title={t('supportCases.view.closeTitle', { number })}
      text={t('supportCases.view.closeText', name)}
      field={{
        id: 'slutligt-svar',
        name: 'answer',
        label: t('supportCases.view.answer'),
        hint: t('supportCases.view.answerHint', name),
        rows: 8,
      }}
      confirmLabel={t('supportCases.view.closeConfirm')}
      busyLabel={t('supportCases.view.closing')}
      goBackLabel={t('supportCases.view.goBack')}
      reloadLabel={t('supportCases.view.reload')}
      check={(answer) => {
        const parsed = ZCloseCaseInput.shape.answer.safeParse(answer)
        if (parsed.success) return { data: parsed.data }
        return {
          message:
            parsed.error.issues[0]?.code === 'too_big'
              ? t('supportCases.view.answerTooLong')
              : t('supportCases.view.answerRequired', name),
        }
      }}
      fieldRefusal={(failure) =>
        trpcFieldErrors(failure).answer ? t('supportCases.view.answerRequired', name) : null
      }
      problemOf={(failure) => caseProblem(t, failure)}
    />
  )
}
