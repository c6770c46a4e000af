import { caseTopicLabel } from '@kundnav/schemas'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { describeWaited } from '../../lib/waited.ts'
import { CaseFilterForm, CaseList, CaseSearchForm } from '../cases/case-list.tsx'
import { CaseStatusText, PhoneMarker } from '../cases/case-parts.tsx'
import { useCaseUpdates } from '../cases/use-case-updates.ts'
import {
  type SupportCaseFilter,
  searchOf,
  supportQueueOptions,
  supportQueueOrganizationsOptions,
} from './support-case-query.ts'

/**
 * "Ärenden" (provider support): the customers' open cases, the longest waiting first, each saying how long
 * it has waited and who handles it; or the cases of one status. Each number opens the case, where support
 * takes it, writes to the reporter and closes it with an answer. "Registrera telefonärende" is here too.
 */
export function SupportCaseQueuePage({
  filter,
  onFilter,
}: {
  filter: SupportCaseFilter
  onFilter: (filter: SupportCaseFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const cases = useInfiniteQuery(supportQueueOptions(trpc, filter))
  const organizations = useQuery(supportQueueOrganizationsOptions(trpc))
  // New cases and changes by colleagues show while the queue is open.
  useCaseUpdates()
  const rows = cases.data?.pages.flatMap((page) => page.rows) ?? []
  const filtered = Boolean(filter.status || filter.area || filter.organizationId || filter.search)
  const closed = filter.status === 'CLOSED'
  // The case page leads back here, as filtered now.
  const backHere = searchOf(filter)

  return (
    <>
      <PageHeading>{t('supportCases.queue.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('supportCases.queue.intro')}</p>
      <p className="mb-6">
        <Link
          to="/support/arenden/telefonarende"
          className="inline-flex min-h-11 items-center rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:bg-brand-dark"
        >
          {t('supportCases.queue.registerPhoneCase')}
        </Link>
      </p>

      <CaseSearchForm
        words="supportCases.queue"
        search={filter.search}
        shown={true}
        onSearch={(search) => onFilter({ ...filter, search })}
      />
      <CaseFilterForm
        words="supportCases.queue"
        filter={filter}
        allStatuses={t('supportCases.queue.allOpen')}
        organizations={organizations.data?.map((organization) => ({
          id: organization.id,
          label: organization.name,
        }))}
        // The search stays: it is changed in its own form above.
        onFilter={(next) => onFilter({ search: filter.search, ...next })}
      />

      <CaseList
        words="supportCases.queue"
        cases={cases}
        rows={rows}
        filtered={Boolean(filter.status || filter.area || filter.organizationId)}
        empty={
          filtered ? (
            <EmptyState>{t('supportCases.queue.emptyFiltered')}</EmptyState>
          ) : (
            <EmptyState hint={t('supportCases.queue.emptyHint')}>{t('supportCases.queue.empty')}</EmptyState>
          )
        }
        caption={
          filter.status
            ? t('supportCases.queue.tableCaptionStatus', {
                status: t(`supportCases.statuses.${filter.status}`),
              })
            : t('supportCases.queue.tableCaption')
        }
        className="min-w-[52rem]"
        columns={[
          t('supportCases.queue.number'),
          t('supportCases.queue.organization'),
          t('supportCases.queue.subject'),
          closed ? t('supportCases.queue.closedSince') : t('supportCases.queue.waitingSince'),
          t('supportCases.queue.status'),
        ]}
        row={(row) => (
          <tr key={row.id} className="border-line border-b align-top">
            <th scope="row" className="py-3 pr-4 font-normal">
              <Link
                to="/support/arenden/$caseId"
                params={{ caseId: row.id }}
                search={backHere}
                className="whitespace-nowrap font-semibold"
              >
                {row.number}
              </Link>
            </th>
            <td className="py-3 pr-4">
              <span className="block">{row.organizationName}</span>
              {row.reporterName ? <span className="block text-ink-muted">{row.reporterName}</span> : null}
            </td>
            <td className="py-3 pr-4">
              <span className="block wrap-break-word">{row.subject}</span>
              <span className="block text-ink-muted">{caseTopicLabel(row.area, row.subArea, language)}</span>
            </td>
            <td className="py-3 pr-4">
              <time className="block" dateTime={asDate(row.statusSince).toISOString()}>
                {formatDateTime(row.statusSince, language)}
              </time>
              {closed ? null : (
                <span className="block text-ink-muted">
                  {t('supportCases.queue.waitedFor', { duration: describeWaited(t, row.statusSince) })}
                </span>
              )}
            </td>
            <td className="py-3">
              <CaseStatusText status={row.status} />
              <span className="block">
                {row.assigneeName
                  ? t('supportCases.queue.assignee', { name: row.assigneeName })
                  : t('supportCases.queue.nobody')}
              </span>
              {row.channel === 'PHONE' ? (
                <span className="mt-1 block">
                  <PhoneMarker />
                </span>
              ) : null}
            </td>
          </tr>
        )}
      />
    </>
  )
}
