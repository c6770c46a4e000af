import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type ActionProblem, ActionProblemAlert } from '../../components/action-problem.tsx'
import { trpcAppCode } from '../../lib/trpc-error.ts'

/** The refusals of an action on an order that the page words itself; `reload` when a fresh look helps. */
const ORDER_REFUSALS = {
  ORDER_CHANGED: true,
  NOT_YOUR_STEP: true,
  SUBMITTER_SAME_SIGN_IN: false,
  ORDER_ENDED: true,
  ALREADY_ATTESTED: true,
  ACTION_NOT_ALLOWED: true,
  ATTESTER_STILL_HERE: true,
  NO_ATTESTATION_WAITING: true,
} as const

type OrderRefusal = keyof typeof ORDER_REFUSALS

function isOrderRefusal(code: string | null): code is OrderRefusal {
  return code !== null && Object.hasOwn(ORDER_REFUSALS, code)
}

/** Why an action on the record failed (the shared shape of components/action-problem.tsx). */
export type OrderProblem = ActionProblem

/** The server's refusal worded for the page (ORDER_CHANGED → "Ladda om sidan"); null for any other error. */
export function orderProblem(t: TFunction, error: unknown): OrderProblem | null {
  const code = trpcAppCode(error)
  if (!isOrderRefusal(code)) return null
  return { message: t(`order.errors.${code}`), reload: ORDER_REFUSALS[code] }
}

/** Any failed action: the order's refusal as worded above, else "Det gick inte att spara" with its code. */
export function actionProblem(t: TFunction, error: unknown): OrderProblem {
  return orderProblem(t, error) ?? { message: t('common.saveFailed'), reload: false, error }
}

/** The problem as an alert, with "Ladda om sidan" when the order should be fetched again. */
export function OrderProblemAlert({ problem, onReload }: { problem: OrderProblem; onReload: () => void }) {
  const { t } = useTranslation()
  return <ActionProblemAlert problem={problem} reloadLabel={t('order.reload')} onReload={onReload} />
}
