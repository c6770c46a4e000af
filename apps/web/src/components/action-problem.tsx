import { useTranslation } from 'react-i18next'
import { errorCodeMessage } from '../lib/trpc-error.ts'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'

/** Why an action on a record (an order, a case) failed, when it is about the record rather than a field. */
export interface ActionProblem {
  message: string
  /** The page shows an old version of the record: offer to fetch it again. */
  reload: boolean
  /** The failure itself, for an unexpected one's error code. */
  error?: unknown
}

/** The problem as an alert, with its error code when unexpected, and `reloadLabel` when a fresh look helps. */
export function ActionProblemAlert({
  problem,
  reloadLabel,
  onReload,
}: {
  problem: ActionProblem
  /** "Ladda om sidan", "Ladda om ärendet". */
  reloadLabel: string
  onReload: () => void
}) {
  const { t } = useTranslation()
  const code = problem.error === undefined ? null : errorCodeMessage(t, problem.error)
  return (
    <Alert tone="error">
      <p>{problem.message}</p>
      {code ? <p>{code}</p> : null}
      {problem.reload ? (
        <Button variant="secondary" onClick={onReload}>
          {reloadLabel}
        </Button>
      ) : null}
    </Alert>
  )
}
