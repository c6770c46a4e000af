import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Ref, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmailAddress } from '../../components/ui/email-address.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { roleList } from '../../lib/role-label.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { appErrorMessage, trpcErrorCode } from '../../lib/trpc-error.ts'
import {
  type CustomerMember,
  type CustomerOrganization,
  organizationMembersOptions,
} from './support-query.ts'

/** Giving the role or taking it away, for one person. */
interface Change {
  member: CustomerMember
  responsible: boolean
}

/**
 * The chosen organisation's people with their roles, and per person "Gör till Ansvarig" or "Ta bort som
 * Ansvarig", asked first in a dialog naming the person and the organisation. The server refuses to leave
 * a person without any role (NO_ROLE_LEFT); the dialog then says why and what to do instead.
 */
export function ResponsibleMembers({
  organization,
  headingRef,
}: {
  organization: CustomerOrganization
  /** The section's heading, which takes focus when the organisation is chosen. */
  headingRef: Ref<HTMLHeadingElement>
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const members = useQuery(organizationMembersOptions(trpc, organization.id))
  const setResponsible = useMutation(trpc.support.setResponsible.mutationOptions())
  const [change, setChange] = useState<Change | null>(null)
  const [dialogProblem, setDialogProblem] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const status = useStatusMessage()
  const headingId = useId()
  const names = { organization: organization.name }

  function open(next: Change) {
    status.clear()
    setProblem(null)
    setDialogProblem(null)
    setChange(next)
  }

  function confirm({ member, responsible }: Change) {
    if (setResponsible.isPending) return
    setDialogProblem(null)
    setResponsible.mutate(
      { organizationId: organization.id, membershipId: member.membershipId, responsible },
      {
        onSuccess: () => {
          setChange(null)
          status.announce(
            t(responsible ? 'support.assigned' : 'support.withdrawn', { ...names, name: member.name }),
          )
          void queryClient.invalidateQueries(trpc.support.pathFilter())
        },
        onError: (error) => {
          const message = appErrorMessage(t, error) ?? t('common.saveFailed')
          if (trpcErrorCode(error) === 'NOT_FOUND') {
            // The person or the organisation is gone: the list was out of date.
            setChange(null)
            setProblem(message)
            void queryClient.invalidateQueries(trpc.support.pathFilter())
          } else {
            // NO_ROLE_LEFT among them: the dialog says why, and the person can cancel.
            setDialogProblem(message)
          }
        },
      },
    )
  }

  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 ref={headingRef} id={headingId} tabIndex={-1} className="mb-4 font-bold text-2xl">
        {t('support.membersHeading', names)}
      </h2>
      <StatusMessage ref={status.ref} message={status.message} />
      {problem ? (
        <Alert tone="error">
          <p>{problem}</p>
        </Alert>
      ) : null}

      {members.isPending ? (
        <Skeleton label={t('support.loadingMembers')} lines={4} />
      ) : members.isError ? (
        <LoadProblem error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyState>{t('support.noMembers')}</EmptyState>
      ) : (
        <DataTable
          labelledBy={headingId}
          className="min-w-[36rem]"
          columns={[t('support.name'), t('support.roles'), t('support.action')]}
        >
          {members.data.map((member) => {
            const responsible = member.roles.includes('RESPONSIBLE')
            return (
              <tr key={member.membershipId} className="border-line border-b align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="block font-semibold">{member.name}</span>
                  <span className="block text-ink-muted">
                    <EmailAddress address={member.email} />
                  </span>
                </th>
                <td className="py-3 pr-4">{roleList(member.roles, language)}</td>
                <td className="py-3">
                  <Button
                    variant="secondary"
                    className="whitespace-nowrap"
                    onClick={() => open({ member, responsible: !responsible })}
                  >
                    {responsible ? t('support.withdraw') : t('support.assign')}
                    <span className="sr-only"> {member.name}</span>
                  </Button>
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}

      {change ? (
        <ConfirmDialog
          title={t(change.responsible ? 'support.assignTitle' : 'support.withdrawTitle', {
            ...names,
            name: change.member.name,
          })}
          confirmLabel={change.responsible ? t('support.assignConfirm') : t('support.withdrawConfirm')}
          busyLabel={t('common.saving')}
          cancelLabel={t('common.cancel')}
          busy={setResponsible.isPending}
          destructive={!change.responsible}
          onConfirm={() => confirm(change)}
          onClose={() => setChange(null)}
          problem={
            dialogProblem ? (
              <Alert tone="error" heading={t('support.failedHeading', { name: change.member.name })}>
                <p>{dialogProblem}</p>
              </Alert>
            ) : null
          }
        >
          <p>
            {t(change.responsible ? 'support.assignText' : 'support.withdrawText', {
              ...names,
              name: change.member.name,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
