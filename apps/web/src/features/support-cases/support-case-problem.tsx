import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type ActionProblem, ActionProblemAlert } from '../../components/action-problem.tsx'
import { trpcAppCode } from '../../lib/trpc-error.ts'

/** The refusals of an action on a case that the page words itself; each is cured by a fresh look. */
const CASE_REFUSALS = ['CASE_CHANGED', 'CASE_CLOSED', 'CASE_STATUS_UNCHANGED'] as const
type CaseRefusal = (typeof CASE_REFUSALS)[number]

function isCaseRefusal(code: string | null): code is CaseRefusal {
  return CASE_REFUSALS.some((one) => one === code)
}

/** Why an action on the record failed (the shared shape of components/action-problem.tsx). */
export type CaseProblem = ActionProblem

export function caseProblem(t: TFunction, error: unknown): CaseProblem {
  const code = trpcAppCode(error)
  if (isCaseRefusal(code)) return { message: t(`supportCases.view.errors.${code}`), reload: true }
  return { message: t('common.saveFailed'), reload: false, error }
}

/** The problem as an alert, with "Ladda om ärendet" when the case should be fetched again. */
export function CaseProblemAlert({ problem, onReload }: { problem: CaseProblem; onReload: () => void }) {
  const { t } = useTranslation()
  return (
    <ActionProblemAlert problem={problem} reloadLabel={t('supportCases.view.reload')} onReload={onReload} />
  )
}
