import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { useSession } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { AddCaseOfficerDialog } from './add-case-officer-dialog.tsx'
import { type CaseOfficer, type CaseOfficerKind, caseOfficerListOptions } from './case-officer-query.ts'
import { CaseOfficerTable } from './case-officer-table.tsx'

type OpenDialog = { kind: 'add'; officerKind: CaseOfficerKind } | { kind: 'remove'; officer: CaseOfficer }

/**
 * "Registrera handläggare" (Ansvarig, seed 000): handläggare in the organisation and outside it, each
 * with "Lägg till" and "Ta bort". Adding one mails the person an invitation (the server does, as for any
 * new member), and the page says so. Removing one takes effect on that person's very next request.
 */
export function CaseOfficersPage() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const officers = useQuery(caseOfficerListOptions(trpc))
  const session = useSession()
  const remove = useMutation(trpc.caseOfficer.remove.mutationOptions())
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const status = useStatusMessage()
  const [removeFailed, setRemoveFailed] = useState(false)

  const ownOrganizationName =
    session.data?.active?.organizationName ?? officers.data?.internal[0]?.organizationName ?? ''

  function refresh() {
    void queryClient.invalidateQueries(trpc.caseOfficer.pathFilter())
    void queryClient.invalidateQueries(trpc.member.pathFilter())
    void queryClient.invalidateQueries(trpc.audit.pathFilter())
  }

  function closeDialog() {
    setDialog(null)
    setRemoveFailed(false)
  }

  function confirmRemove(officer: CaseOfficer) {
    if (remove.isPending) return
    setRemoveFailed(false)
    remove.mutate(
      { membershipId: officer.membershipId },
      {
        onSuccess: () => {
          setDialog(null)
          status.announce(t('caseOfficers.removed'), { focus: true })
          refresh()
        },
        onError: (error) => {
          const code = trpcAppCode(error)
          if (code === 'NOT_A_CASE_OFFICER' || code === 'MEMBER_NOT_FOUND') {
            setDialog(null)
            status.announce(t('caseOfficers.alreadyRemoved'), { focus: true })
            refresh()
            return
          }
          setRemoveFailed(true)
        },
      },
    )
  }

  return (
    <>
      <PageHeading>{t('caseOfficers.title')}</PageHeading>
      <p className="mb-4 max-w-prose">{t('caseOfficers.intro')}</p>
      <StatusMessage ref={status.ref} message={status.message} />

      {officers.isPending ? (
        <Skeleton label={t('caseOfficers.loading')} lines={6} />
      ) : officers.isError ? (
        <LoadProblem error={officers.error} onRetry={() => void officers.refetch()} />
      ) : (
        <>
          <Alert tone="notice" heading={t('caseOfficers.rememberHeading')}>
            <p>{t('caseOfficers.remember')}</p>
            <p>{t('caseOfficers.responsibility')}</p>
          </Alert>
          {(['internal', 'external'] as const).map((kind) => (
            <CaseOfficerTable
              key={kind}
              kind={kind}
              officers={officers.data[kind]}
              onAdd={() => {
                status.clear()
                setDialog({ kind: 'add', officerKind: kind })
              }}
              onRemove={(officer) => {
                status.clear()
                setDialog({ kind: 'remove', officer })
              }}
            />
          ))}
        </>
      )}

      {dialog?.kind === 'add' ? (
        <AddCaseOfficerDialog
          kind={dialog.officerKind}
          ownOrganizationName={ownOrganizationName}
          onClose={closeDialog}
          onSaved={(person) => {
            setDialog(null)
            status.announce(t('caseOfficers.saved', person))
            refresh()
          }}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('caseOfficers.removeTitle', { name: dialog.officer.name })}
          confirmLabel={t('admin.remove')}
          busyLabel={t('admin.removing')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onConfirm={() => confirmRemove(dialog.officer)}
          onClose={closeDialog}
          returnFocus={status.returnFocus}
          problem={
            removeFailed ? (
              <Alert
                tone="error"
                heading={t('caseOfficers.removeFailedHeading', { name: dialog.officer.name })}
              >
                <p>{t('admin.removeFailed')}</p>
              </Alert>
            ) : null
          }
        >
          <p>{t('caseOfficers.removeText', { name: dialog.officer.name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  )
}
