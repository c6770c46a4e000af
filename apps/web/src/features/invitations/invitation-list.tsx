import type { AppRouter } from '@kundnav/api'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { invitationListQueryOptions } from '../../lib/api.ts'
import { roleList } from '../../lib/role-label.ts'
import { formatDay } from '../../lib/stockholm-day.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { appErrorMessage } from '../../lib/trpc-error.ts'

type Invitation = inferRouterOutputs<AppRouter>['invitation']['list'][number]

/**
 * The signed-in person's open invitations: "Region Norrby vill lägga till dig som Beställare." with
 * "Godkänn" and "Avböj" (which asks first). Accepting adds the organisation's roles under "Byt roll".
 * Renders nothing when there are none, unless `emptyText` is given (the page of its own says so).
 */
export function InvitationList({ emptyText }: { emptyText?: string }) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const invitations = useQuery(invitationListQueryOptions())
  const accept = useMutation(trpc.invitation.accept.mutationOptions())
  const decline = useMutation(trpc.invitation.decline.mutationOptions())
  const [declining, setDeclining] = useState<Invitation | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const status = useStatusMessage()
  const headingId = useId()

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries(trpc.invitation.list.queryFilter()),
      queryClient.invalidateQueries(trpc.session.get.queryFilter()),
    ])
  }

  function failed(error: unknown) {
    setProblem(appErrorMessage(t, error) ?? t('invitations.failed'))
    void refresh()
  }

  function onAccept(invitation: Invitation) {
    if (accept.isPending) return
    setProblem(null)
    accept.mutate(
      { membershipId: invitation.membershipId },
      {
        onSuccess: async () => {
          await refresh()
          status.announce(t('invitations.accepted', { organization: invitation.organizationName }), {
            focus: true,
          })
        },
        onError: failed,
      },
    )
  }

  function onDecline(invitation: Invitation) {
    setProblem(null)
    decline.mutate(
      { membershipId: invitation.membershipId },
      {
        onSuccess: async () => {
          setDeclining(null)
          await refresh()
          status.announce(t('invitations.declined', { organization: invitation.organizationName }), {
            focus: true,
          })
        },
        onError: (error) => {
          setDeclining(null)
          failed(error)
        },
      },
    )
  }

  if (invitations.isPending) return emptyText ? <Skeleton label={t('common.loading')} lines={2} /> : null
  if (invitations.isError) {
    return emptyText ? (
      <LoadProblem error={invitations.error} onRetry={() => void invitations.refetch()} />
    ) : null
  }
  const rows = invitations.data
  if (rows.length === 0 && !emptyText && !status.message) return null

  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId} className="mb-3 font-bold text-2xl">
        {t('invitations.heading')}
      </h2>
      <StatusMessage ref={status.ref} message={status.message} />
      {problem ? (
        <Alert tone="error">
          <p>{problem}</p>
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <p>{emptyText ?? t('invitations.none')}</p>
      ) : (
        <ul className="space-y-4">
          {rows.map((invitation) => (
            <li key={invitation.membershipId} className="border-notice border-l-8 bg-surface p-4">
              <p className="font-semibold">
                {t('invitations.wantsToAdd', {
                  organization: invitation.organizationName,
                  roles: roleList(invitation.roles, language),
                })}
              </p>
              {invitation.invitedBy ? (
                <p>{t('invitations.invitedBy', { name: invitation.invitedBy })}</p>
              ) : null}
              {invitation.expiresAt ? (
                <p className="text-ink-muted">
                  {t(invitation.expired ? 'invitations.expired' : 'invitations.validUntil', {
                    date: formatDay(invitation.expiresAt, language),
                  })}
                </p>
              ) : null}
              <div className="mt-3 flex flex-wrap gap-3">
                {invitation.expired ? null : (
                  <Button aria-disabled={accept.isPending} onClick={() => onAccept(invitation)}>
                    {accept.isPending && accept.variables.membershipId === invitation.membershipId
                      ? t('invitations.accepting')
                      : t('invitations.accept')}
                    <span className="sr-only"> {invitation.organizationName}</span>
                  </Button>
                )}
                <Button variant="secondary" onClick={() => setDeclining(invitation)}>
                  {t('invitations.decline')}
                  <span className="sr-only"> {invitation.organizationName}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {declining ? (
        <ConfirmDialog
          title={t('invitations.declineTitle', { organization: declining.organizationName })}
          confirmLabel={t('invitations.decline')}
          busyLabel={t('invitations.declining')}
          cancelLabel={t('common.cancel')}
          busy={decline.isPending}
          onConfirm={() => onDecline(declining)}
          onClose={() => setDeclining(null)}
          returnFocus={status.returnFocus}
          destructive
        >
          <p>{t('invitations.declineText', { organization: declining.organizationName })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
