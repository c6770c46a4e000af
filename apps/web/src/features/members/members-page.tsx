import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmailAddress } from '../../components/ui/email-address.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { SearchForm } from '../../components/ui/search-form.tsx'
import { ShowMore } from '../../components/ui/show-more.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { roleList } from '../../lib/role-label.ts'
import { formatDay } from '../../lib/stockholm-day.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { AddMemberDialog } from './add-member-dialog.tsx'
import { type Member, memberListOptions } from './member-query.ts'
import { RolesDialog } from './roles-dialog.tsx'

type OpenDialog = { kind: 'add' } | { kind: 'roles'; member: Member } | { kind: 'remove'; member: Member }

/**
 * "Medlemmar" (Administratör): everyone in the organisation, sorted by name, with their roles and last
 * login; add a person, change someone's roles, remove someone, or send an invitation again.
 */
export function MembersPage({
  search,
  onSearch,
}: {
  search: string | undefined
  onSearch: (search: string | undefined) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const members = useInfiniteQuery(memberListOptions(trpc, search))
  const resend = useMutation(trpc.member.resendInvitation.mutationOptions())
  const remove = useMutation(trpc.member.remove.mutationOptions())

  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const status = useStatusMessage()
  const [problem, setProblem] = useState<string | null>(null)
  const [removeProblem, setRemoveProblem] = useState<string | null>(null)
  const tableRef = useRef<HTMLTableSectionElement>(null)

  const rows = members.data?.pages.flatMap((page) => page.items) ?? []

  function refresh() {
    void queryClient.invalidateQueries(trpc.member.pathFilter())
    void queryClient.invalidateQueries(trpc.audit.pathFilter())
  }

  function announce(message: string, options: { focus?: boolean } = {}) {
    setProblem(null)
    status.announce(message, options)
  }

  function closeDialog() {
    setDialog(null)
    setRemoveProblem(null)
  }

  /** After a change made in a dialog; when the person left the list, focus goes to the confirmation. */
  function closeAfterChange(message: string, options: { personGone?: boolean } = {}) {
    setDialog(null)
    announce(message, { focus: options.personGone === true })
    refresh()
  }

  function resendInvitation(member: Member) {
    if (resend.isPending) return
    status.clear()
    resend.mutate(
      { membershipId: member.membershipId },
      {
        onSuccess: () => announce(t('members.resent', { email: member.email })),
        onError: (error) => {
          const code = trpcAppCode(error)
          setProblem(
            code === 'ALREADY_ACTIVE'
              ? t('members.alreadyActive', { name: member.name })
              : code === 'MEMBER_NOT_FOUND'
                ? t('members.notFound')
                : t('members.resendFailed'),
          )
          if (code) refresh()
        },
      },
    )
  }

  function confirmRemove(member: Member) {
    if (remove.isPending) return
    setRemoveProblem(null)
    remove.mutate(
      { membershipId: member.membershipId },
      {
        onSuccess: () =>
          closeAfterChange(t('members.removeDialog.removed', { name: member.name }), { personGone: true }),
        onError: (error) => {
          const code = trpcAppCode(error)
          if (code === 'MEMBER_NOT_FOUND') {
            closeAfterChange(t('members.notFound'), { personGone: true })
            return
          }
          setRemoveProblem(
            code === 'LAST_ADMINISTRATOR' ? t('members.lastAdministrator') : t('admin.removeFailed'),
          )
        },
      },
    )
  }

  return (
    <>
      <PageHeading>{t('members.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('members.intro')}</p>

      <StatusMessage ref={status.ref} message={status.message} />
      {problem ? (
        <Alert tone="error">
          <p>{problem}</p>
        </Alert>
      ) : null}

      <p className="mb-6">
        <Button
          onClick={() => {
            status.clear()
            setDialog({ kind: 'add' })
          }}
        >
          {t('members.add')}
        </Button>
      </p>

      <SearchForm
        legend={t('members.searchLegend')}
        name="search"
        label={t('members.searchLabel')}
        hint={t('members.searchHint')}
        value={search}
        submitLabel={t('members.searchSubmit')}
        clearLabel={t('members.searchClear')}
        status={search ? t('members.searchShowing', { search }) : null}
        onSearch={onSearch}
      />

      {members.isPending ? (
        <Skeleton label={t('members.loading')} lines={6} />
      ) : !members.data ? (
        // FORBIDDEN can still happen past the route guard: the role may be withdrawn while the page is open.
        <LoadProblem
          error={members.error}
          forbiddenText={t('members.forbidden')}
          onRetry={() => void members.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState>{search ? t('members.emptySearch', { search }) : t('members.empty')}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('members.tableCaption')}
            className="min-w-[52rem]"
            columns={[
              t('members.name'),
              t('members.username'),
              t('members.roles'),
              t('members.status'),
              t('members.lastLogin'),
              t('admin.actions'),
            ]}
            bodyRef={tableRef}
          >
            {rows.map((member) => (
              <tr key={member.membershipId} className="border-line border-b align-top">
                <th scope="row" tabIndex={-1} className="py-3 pr-4 font-normal">
                  <span className="block font-semibold">{member.name}</span>
                  <span className="block text-ink-muted">
                    <EmailAddress address={member.email} />
                  </span>
                </th>
                <td className="py-3 pr-4">
                  <EmailAddress address={member.username} />
                </td>
                <td className="py-3 pr-4">
                  {roleList(member.roles, language)}
                  {member.externalOrganizationName ? (
                    <span className="block text-ink-muted">
                      {t('members.external', { organization: member.externalOrganizationName })}
                    </span>
                  ) : null}
                </td>
                <td className="py-3 pr-4">
                  <MembershipStatus member={member} />
                </td>
                <td className="py-3 pr-4">
                  {member.lastSignedInAt ? (
                    <time dateTime={asDate(member.lastSignedInAt).toISOString()}>
                      {formatDateTime(member.lastSignedInAt, language)}
                    </time>
                  ) : (
                    t('members.neverLoggedIn')
                  )}
                </td>
                <td className="py-3">
                  <div className="flex flex-wrap gap-2">
                    {member.status === 'INVITED' ? (
                      <Button
                        variant="secondary"
                        className="whitespace-nowrap"
                        aria-disabled={resend.isPending}
                        onClick={() => resendInvitation(member)}
                      >
                        {resend.isPending && resend.variables.membershipId === member.membershipId
                          ? t('members.resending')
                          : t('members.resend')}
                        <span className="sr-only"> {t('members.resendTo', { name: member.name })}</span>
                      </Button>
                    ) : null}
                    <Button
                      variant="secondary"
                      className="whitespace-nowrap"
                      onClick={() => {
                        status.clear()
                        setDialog({ kind: 'roles', member })
                      }}
                    >
                      {t('members.editRoles')}
                      <span className="sr-only"> {t('admin.forPerson', { name: member.name })}</span>
                    </Button>
                    <Button
                      variant="secondary"
                      className="whitespace-nowrap"
                      onClick={() => {
                        status.clear()
                        setDialog({ kind: 'remove', member })
                      }}
                    >
                      {t('admin.remove')}
                      <span className="sr-only"> {member.name}</span>
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
          <ShowMore
            query={members}
            count={rows.length}
            itemAt={(index) => tableRef.current?.querySelectorAll<HTMLElement>('th[scope="row"]')[index]}
            loadingLabel={t('members.loadingMore')}
            noMoreLabel={t('members.noMore')}
          />
        </>
      )}

      {dialog?.kind === 'add' ? (
        <AddMemberDialog
          onClose={closeDialog}
          onAdded={() => closeAfterChange(t('members.addDialog.added'))}
        />
      ) : null}
      {dialog?.kind === 'roles' ? (
        <RolesDialog
          member={dialog.member}
          onClose={closeDialog}
          onSaved={() => closeAfterChange(t('members.rolesDialog.saved', { name: dialog.member.name }))}
          onGone={() => closeAfterChange(t('members.notFound'), { personGone: true })}
          returnFocus={status.returnFocus}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('members.removeDialog.title', { name: dialog.member.name })}
          confirmLabel={t('admin.remove')}
          busyLabel={t('admin.removing')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onConfirm={() => confirmRemove(dialog.member)}
          onClose={closeDialog}
          returnFocus={status.returnFocus}
          problem={
            removeProblem ? (
              <Alert
                tone="error"
                heading={t('members.removeDialog.failedHeading', { name: dialog.member.name })}
              >
                <p>{removeProblem}</p>
              </Alert>
            ) : null
          }
        >
          <p>{t('members.removeDialog.text', { name: dialog.member.name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  )
}

/** Inbjuden (until when), Aktiv, Slutar …, Slutat …: where the person's membership stands. */
function MembershipStatus({ member }: { member: Member }) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  if (member.status === 'INVITED') {
    const expires = member.invitationExpiresAt
    const expired = expires !== null && asDate(expires).getTime() <= Date.now()
    return (
      <>
        <span className="block font-semibold">{t('members.statuses.INVITED')}</span>
        {expires ? (
          <span className="block text-ink-muted">
            {t(expired ? 'members.invitationExpired' : 'members.invitationValidUntil', {
              date: formatDay(expires, language),
            })}
          </span>
        ) : null}
      </>
    )
  }
  if ((member.status === 'ENDING' || member.status === 'ENDED') && member.endsAt) {
    return (
      <span className="block">
        {t(member.status === 'ENDING' ? 'members.statuses.ENDING' : 'members.statuses.ENDED', {
          // An end date is stored as the moment the day after begins (exclusive): show the last day.
          date: formatDay(new Date(asDate(member.endsAt).getTime() - 1), language),
        })}
      </span>
    )
  }
  return <span className="block">{t('members.statuses.ACTIVE')}</span>
}
