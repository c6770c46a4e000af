import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { errorCodeMessage, trpcAppCode } from '../../lib/trpc-error.ts'

/** The refusals of an action on a case that the page words itself; each is cured by a fresh look. */
const CASE_REFUSALS = ['CASE_CHANGED', 'CASE_CLOSED', 'CASE_STATUS_UNCHANGED'] as const
type CaseRefusal = (typeof CASE_REFUSALS)[number]

function isCaseRefusal(code: string | null): code is CaseRefusal {
  return CASE_REFUSALS.some((one) => one === code)
}

/** Why an action on the case failed: someone else changed it (reload), or something unexpected. */
export interface CaseProblem {
  message: string
  /** The page shows an old version of the case: offer to fetch it again. */
  reload: boolean
  /** An unexpected failure, for its error code. */
  error?: unknown
}

export function caseProblem(t: TFunction, error: unknown): CaseProblem {
  const code = trpcAppCode(error)
  if (isCaseRefusal(code)) return { message: t(`supportCases.view.errors.${code}`), reload: true }
  return { message: t('common.saveFailed'), reload: false, error }
}

/** The problem as an alert, with "Ladda om ärendet" when the case should be fetched again. */
export function CaseProblemAlert({ problem, onReload }: { problem: CaseProblem; onReload: () => void }) {
  const { t } = useTranslation()
  const code = problem.error === undefined ? null : errorCodeMessage(t, problem.error)
  return (
    <Alert tone="error">
      <p>{problem.message}</p>
      {code ? <p>{code}</p> : null}
      {problem.reload ? (
        <Button variant="secondary" onClick={onReload}>
          {t('supportCases.view.reload')}
        </Button>
      ) : null}
    </Alert>
  )
}
