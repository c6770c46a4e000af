import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TableScroll } from '../../components/ui/table-scroll.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { formatDateTime } from '../../lib/format-date.ts'
import { roleList } from '../../lib/role-label.ts'
import { formatDay } from '../../lib/stockholm-day.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { AddMemberDialog } from './add-member-dialog.tsx'
import { type Member, memberListOptions } from './member-query.ts'
import { MemberSearch } from './member-search.tsx'
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
  const [status, setStatus] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [removeProblem, setRemoveProblem] = useState<string | null>(null)
  const statusRef = useRef<HTMLDivElement>(null)
  // Where focus goes when a dialog closes after its person left the list: the confirmation.
  const focusStatus = useRef(false)
  const tableRef = useRef<HTMLTableSectionElement>(null)
  const [focusFrom, setFocusFrom] = useState<number | null>(null)
  const captionId = useId()

  const rows = members.data?.pages.flatMap((page) => page.items) ?? []
  const rowCount = rows.length

  // After "Visa fler", focus goes to the first person of the new page.
  useEffect(() => {
    if (focusFrom === null || rowCount <= focusFrom) return
    tableRef.current?.querySelectorAll<HTMLElement>('th[scope="row"]')[focusFrom]?.focus()
    setFocusFrom(null)
  }, [focusFrom, rowCount])

  function refresh() {
    void queryClient.invalidateQueries(trpc.member.pathFilter())
    void queryClient.invalidateQueries(trpc.audit.pathFilter())
  }

  function announce(message: string) {
    setProblem(null)
    setStatus(message)
  }

  function closeDialog() {
    setDialog(null)
    setRemoveProblem(null)
  }

  function closeAfterChange(message: string, options: { personGone?: boolean } = {}) {
    focusStatus.current = options.personGone === true
    setDialog(null)
    announce(message)
    refresh()
  }

  function resendInvitation(member: Member) {
    if (resend.isPending) return
    setStatus(null)
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

  function showMore() {
    if (members.isFetchingNextPage) return
    setFocusFrom(rows.length)
    void members.fetchNextPage().then((result) => {
      if (result.isError) setFocusFrom(null)
    })
  }

  const returnFocus = () => {
    if (!focusStatus.current) return null
    focusStatus.current = false
    return statusRef.current
  }

  return (
    <>
      <PageHeading>{t('members.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('members.intro')}</p>

      <StatusMessage ref={statusRef} message={status} />
      {problem ? (
        <Alert tone="error">
          <p>{problem}</p>
        </Alert>
      ) : null}

      <p className="mb-6">
        <Button
          onClick={() => {
            setStatus(null)
            setDialog({ kind: 'add' })
          }}
        >
          {t('members.add')}
        </Button>
      </p>

      <MemberSearch search={search} onSearch={onSearch} />

      {members.isPending ? (
        <Skeleton label={t('members.loading')} lines={6} />
      ) : !members.data ? (
        <LoadProblem
          error={members.error}
          forbiddenText={t('members.forbidden')}
          onRetry={() => void members.refetch()}
        />
      ) : rows.length === 0 ? (
        <p className="border-line border-t-2 py-5">
          {search ? t('members.emptySearch', { search }) : t('members.empty')}
        </p>
      ) : (
        <>
          <TableScroll labelledBy={captionId}>
            <table className="w-full min-w-[44rem] border-collapse text-left text-base">
              <caption id={captionId} className="mb-3 text-left font-bold text-xl">
                {t('members.tableCaption')}
              </caption>
              <thead>
                <tr className="border-ink border-b-2">
                  <th scope="col" className="py-2 pr-4">
                    {t('members.name')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('members.username')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('members.roles')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('members.lastLogin')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('admin.actions')}
                  </th>
                </tr>
              </thead>
              <tbody ref={tableRef}>
                {rows.map((member) => (
                  <tr key={member.membershipId} className="border-line border-b align-top">
                    <th scope="row" tabIndex={-1} className="py-3 pr-4 font-normal">
                      <span className="block font-semibold">{member.name}</span>
                      <span className="block wrap-anywhere text-ink-muted">{member.email}</span>
                    </th>
                    <td className="py-3 pr-4 wrap-anywhere">{member.username}</td>
                    <td className="py-3 pr-4">
                      {roleList(member.roles, language)}
                      {member.externalOrganizationName ? (
                        <span className="block text-ink-muted">
                          {t('members.external', { organization: member.externalOrganizationName })}
                        </span>
                      ) : null}
                      {member.endsAt ? (
                        <span className="block text-ink-muted">
                          {t('members.endsAt', { date: formatDay(member.endsAt, language) })}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-3 pr-4">
                      {member.lastLoginAt ? (
                        <time dateTime={member.lastLoginAt.toISOString()}>
                          {formatDateTime(member.lastLoginAt, language)}
                        </time>
                      ) : (
                        <>
                          <span className="mb-2 block">{t('members.neverLoggedIn')}</span>
                          <Button
                            variant="secondary"
                            aria-disabled={resend.isPending}
                            onClick={() => resendInvitation(member)}
                          >
                            {resend.isPending && resend.variables.membershipId === member.membershipId
                              ? t('members.resending')
                              : t('members.resend')}
                            <span className="sr-only"> {t('members.resendTo', { name: member.name })}</span>
                          </Button>
                        </>
                      )}
                    </td>
                    <td className="py-3">
                      <div className="flex flex-wrap gap-2">
                        <Button
                          variant="secondary"
                          className="whitespace-nowrap"
                          onClick={() => {
                            setStatus(null)
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
                            setStatus(null)
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
              </tbody>
            </table>
          </TableScroll>
          <div className="border-line pt-5">
            {members.isFetchNextPageError ? (
              <Alert tone="error">
                <p>{t('common.loadFailed')}</p>
              </Alert>
            ) : null}
            {members.hasNextPage ? (
              <Button variant="secondary" onClick={showMore} aria-disabled={members.isFetchingNextPage}>
                {members.isFetchingNextPage ? t('members.loadingMore') : t('members.showMore')}
              </Button>
            ) : (
              <p className="text-ink-muted">{t('members.noMore')}</p>
            )}
          </div>
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
          returnFocus={returnFocus}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('members.removeDialog.title', { name: dialog.member.name })}
          confirmLabel={t('admin.remove')}
          busyLabel={t('admin.removing')}
          cancelLabel={t('admin.cancel')}
          busy={remove.isPending}
          onConfirm={() => confirmRemove(dialog.member)}
          onClose={closeDialog}
          returnFocus={returnFocus}
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
