import { ZReason } from '@kundnav/schemas'
import { useTranslation } from 'react-i18next'
import { ReasonDialog as TextReasonDialog } from '../../components/reason-dialog.tsx'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'
import { actionProblem } from './order-problem.tsx'

/**
 * "Avslå", "Avbryt beställningen", "Återkalla beställningen": a dialog naming the order that asks for the
 * reason (the orderer is told it, unless withdrawing it themselves). Escape or "Tillbaka" closes it and focus returns to the button that opened it.
 */
export function ReasonDialog({
  hint,
  ...props
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
  return (
    <TextReasonDialog
      {...props}
      field={{ id: 'motivering', name: 'reason', label: t('order.reasonLabel'), hint, rows: 4 }}
      goBackLabel={t('order.goBack')}
      reloadLabel={t('order.reload')}
      warning
      check={(reason) => {
        const parsed = ZReason.safeParse(reason)
        if (parsed.success) return { data: parsed.data }
        const code = parsed.error.issues[0]?.code
        return {
          message:
            code === 'too_big'
              ? t('order.reasonTooLong')
              : code === 'too_small'
                ? t('order.reasonMissing')
                : t('order.reasonCharacters'),
        }
      }}
      fieldRefusal={(failure) => (trpcFieldErrors(failure).reason ? t('order.reasonMissing') : null)}
      problemOf={(failure) => actionProblem(t, failure)}
    />
  )
}
