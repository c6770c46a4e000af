import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { ShowMore } from '../../components/ui/show-more.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { roleLabel, roleList } from '../../lib/role-label.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { actionLabelKey } from './audit-actions.ts'
import { auditDetails } from './audit-details.ts'
import { AuditFilterForm } from './audit-filter.tsx'
import { type AuditEvent, type AuditFilter, auditListOptions, auditPeopleOptions } from './audit-query.ts'

/** "Logg" (Administratör): what happened in the organisation, newest first, filterable. */
export function AuditLogPage({
  filter,
  onFilter,
}: {
  filter: AuditFilter
  onFilter: (filter: AuditFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const log = useInfiniteQuery(auditListOptions(trpc, filter))
  const people = useQuery(auditPeopleOptions(trpc))
  const bodyRef = useRef<HTMLTableSectionElement>(null)

  const events = log.data?.pages.flatMap((page) => page.items) ?? []
  const filtered = Boolean(filter.person || filter.action || filter.from || filter.to)

  // An open invitation has no account to filter by yet (its events are the adder's).
  const peopleWithAccounts = useMemo(
    () =>
      (people.data?.items ?? []).flatMap((member) =>
        member.userId ? [{ userId: member.userId, name: member.name, email: member.email }] : [],
      ),
    [people.data],
  )

  // Names of the people events are about, by user id and by membership id.
  const names = useMemo(() => {
    const map = new Map<string, string>()
    for (const member of people.data?.items ?? []) {
      if (member.userId) map.set(member.userId, member.name)
      map.set(member.membershipId, member.name)
    }
    return map
  }, [people.data])

  function details(event: AuditEvent): string[] {
    const found = auditDetails(event, names)
    const lines: string[] = []
    if (found.personName) lines.push(t('auditLog.detailPerson', { name: found.personName }))
    else if (found.personId) lines.push(t('auditLog.detailPerson', { name: t('auditLog.formerMember') }))
    if (found.roles) {
      lines.push(
        t('auditLog.detailRoles', {
          roles: found.roles.length > 0 ? roleList(found.roles, language) : t('auditLog.detailNoRoles'),
        }),
      )
    }
    if (found.rolesBefore && found.rolesAfter) {
      lines.push(
        t('auditLog.detailRolesChanged', {
          before: roleList(found.rolesBefore, language) || t('auditLog.detailNoRoles'),
          after: roleList(found.rolesAfter, language) || t('auditLog.detailNoRoles'),
        }),
      )
    }
    if (found.externalOrganizationName) {
      lines.push(t('auditLog.detailExternal', { organization: found.externalOrganizationName }))
    }
    if (found.switchedTo) {
      const to = roleLabel(found.switchedTo, language)
      if (found.switchedFrom) {
        lines.push(t('auditLog.detailSwitched', { from: roleLabel(found.switchedFrom, language), to }))
      } else if (found.switchedFromOtherOrganization) {
        lines.push(t('auditLog.detailSwitchedFromElsewhere', { to }))
      }
    }
    return lines
  }

  return (
    <>
      <PageHeading>{t('auditLog.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('auditLog.intro')}</p>

      <AuditFilterForm filter={filter} people={peopleWithAccounts} onFilter={onFilter} />

      {log.isPending ? (
        <Skeleton label={t('auditLog.loading')} lines={8} />
      ) : !log.data ? (
        <LoadProblem error={log.error} onRetry={() => void log.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState>{filtered ? t('auditLog.emptyFiltered') : t('auditLog.empty')}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('auditLog.tableCaption')}
            className="min-w-[40rem]"
            columns={[t('auditLog.time'), t('auditLog.person'), t('auditLog.action'), t('auditLog.details')]}
            bodyRef={bodyRef}
          >
            {events.map((event) => (
              <tr key={event.id} className="border-line border-b align-top">
                <th scope="row" tabIndex={-1} className="py-3 pr-4 font-normal whitespace-nowrap">
                  <time dateTime={asDate(event.createdAt).toISOString()}>
                    {formatDateTime(event.createdAt, language)}
                  </time>
                </th>
                <td className="py-3 pr-4">
                  <span className="block">
                    {event.actorUserId
                      ? (event.actorName ?? t('auditLog.unknownPerson'))
                      : t('auditLog.noActor')}
                  </span>
                  {event.actorRole ? (
                    <span className="block text-ink-muted">
                      {t('auditLog.asRole', { role: roleLabel(event.actorRole, language) })}
                    </span>
                  ) : null}
                </td>
                <td className="py-3 pr-4">{t(actionLabelKey(event.action))}</td>
                <td className="py-3">
                  {details(event).map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </DataTable>
          <ShowMore
            query={log}
            count={events.length}
            itemAt={(index) => bodyRef.current?.querySelectorAll<HTMLElement>('th[scope="row"]')[index]}
            loadingLabel={t('auditLog.loadingMore')}
            noMoreLabel={t('auditLog.noMore')}
          />
        </>
      )}
    </>
  )
}
