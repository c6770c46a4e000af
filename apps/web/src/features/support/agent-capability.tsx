import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { appErrorMessage, trpcErrorCode } from '../../lib/trpc-error.ts'
import type { CustomerOrganization } from './support-query.ts'

/**
 * "Agent / Systemleverantör": whether the chosen organisation is an agent, and "Gör till agent" or "Ta bort
 * agentbehörighet", asked first in a dialog naming the organisation. The server audits the change; the
 * organisation list is read again afterwards, so its "Agent" column and this section agree.
 */
export function AgentCapability({ organization }: { organization: CustomerOrganization }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const setAgent = useMutation(trpc.support.setAgent.mutationOptions())
  const [asking, setAsking] = useState(false)
  const [dialogProblem, setDialogProblem] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const status = useStatusMessage()
  const headingId = useId()
  const names = { organization: organization.name }
  const grant = !organization.isAgent

  function open() {
    status.clear()
    setProblem(null)
    setDialogProblem(null)
    setAsking(true)
  }

  function confirm() {
    if (setAgent.isPending) return
    setDialogProblem(null)
    setAgent.mutate(
      { organizationId: organization.id, isAgent: grant },
      {
        onSuccess: async () => {
          // The list is read again before the dialog closes, so focus returns to the button's new label.
          await queryClient.invalidateQueries(trpc.support.organizations.pathFilter())
          setAsking(false)
          status.announce(t(grant ? 'support.agentGranted' : 'support.agentWithdrawn', names))
        },
        onError: (error) => {
          const message = appErrorMessage(t, error) ?? t('common.saveFailed')
          if (trpcErrorCode(error) === 'NOT_FOUND') {
            setAsking(false)
            setProblem(message)
            void queryClient.invalidateQueries(trpc.support.organizations.pathFilter())
          } else {
            setDialogProblem(message)
          }
        },
      },
    )
  }

  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className="mb-4 font-bold text-2xl">
        {t('support.agentHeading')}
      </h2>
      <StatusMessage ref={status.ref} message={status.message} />
      {problem ? (
        <Alert tone="error">
          <p>{problem}</p>
        </Alert>
      ) : null}
      <p className="mb-4 max-w-prose">
        {t(organization.isAgent ? 'support.agentIs' : 'support.agentIsNot', names)}
      </p>
      <Button variant="secondary" onClick={open}>
        {grant ? t('support.grantAgent') : t('support.withdrawAgent')}
        <span className="sr-only"> {organization.name}</span>
      </Button>

      {asking ? (
        <ConfirmDialog
          title={t(grant ? 'support.grantAgentTitle' : 'support.withdrawAgentTitle', names)}
          confirmLabel={grant ? t('support.grantAgentConfirm') : t('support.withdrawAgentConfirm')}
          busyLabel={t('common.saving')}
          cancelLabel={t('common.cancel')}
          busy={setAgent.isPending}
          destructive={!grant}
          onConfirm={confirm}
          onClose={() => setAsking(false)}
          problem={
            dialogProblem ? (
              <Alert tone="error" heading={t('support.agentFailedHeading', names)}>
                <p>{dialogProblem}</p>
              </Alert>
            ) : null
          }
        >
          <p>{t(grant ? 'support.grantAgentText' : 'support.withdrawAgentText', names)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
