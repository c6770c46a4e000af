import { can } from '@kundnav/schemas/permissions'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { asRole, useSession } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { CaseFilterForm, CaseList, CaseSearchForm } from './case-list.tsx'
import { CaseStatusText, CaseTime, NewsMarker, PhoneMarker, useCaseTopic } from './case-parts.tsx'
import { type CaseListFilter, caseListOptions } from './case-query.ts'
import { CaseVisibilitySetting } from './case-visibility-setting.tsx'
import { useCaseUpdates } from './use-case-updates.ts'

/**
 * "Mina ärenden" (seed 002, 2.2): the person's cases, newest first, phone cases among them; filtered by
 * status and area, searched by number or subject. Where the organisation's administrator lets the person
 * see the organisation's cases, a switch between "Mina ärenden" and "Organisationens ärenden". The
 * administrator also chooses that here ("Vem ser organisationens ärenden?").
 */
export function CasesPage({
  filter,
  onFilter,
}: {
  filter: CaseListFilter
  onFilter: (next: CaseListFilter) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const topic = useCaseTopic()
  const cases = useInfiniteQuery(caseListOptions(trpc, filter))
  // New cases, statuses and news from support show without reloading.
  useCaseUpdates()
  const rows = cases.data?.pages.flatMap((page) => page.rows) ?? []
  const seesOrganization = cases.data?.pages[0]?.seesOrganization ?? false
  const role = asRole(useSession().data?.active?.role)
  const mayCreate = can(role, 'case.create')
  const mayManage = can(role, 'caseSettings.manage')
  const organizationView = filter.scope === 'organization' && seesOrganization
  const filtered = Boolean(filter.status || filter.area || filter.search)

  return (
    <>
      <PageHeading>{t('cases.list.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('cases.list.intro')}</p>
      {mayCreate ? (
        <p className="mb-8">
          <Link
            to="/arenden/nytt"
            className="inline-flex min-h-11 items-center rounded bg-brand px-5 py-2 font-semibold text-lg text-white no-underline visited:text-white hover:bg-brand-dark"
          >
            {t('cases.list.create')}
          </Link>
        </p>
      ) : null}

      {seesOrganization ? (
        <nav aria-label={t('cases.list.scopeLegend')} className="mb-6">
          <ul className="flex flex-wrap gap-2">
            {(['mine', 'organization'] as const).map((scope) => {
              const current = (filter.scope ?? 'mine') === scope
              return (
                <li key={scope}>
                  <Link
                    to="/arenden"
                    search={{ ...filter, scope: scope === 'mine' ? undefined : scope }}
                    aria-current={current ? 'page' : undefined}
                    className={`inline-flex min-h-11 items-center border-2 px-4 py-2 font-semibold no-underline ${current ? 'border-ink bg-ink text-white visited:text-white' : 'border-ink bg-white text-ink visited:text-ink'}`}
                  >
                    {scope === 'mine' ? t('cases.list.scopeMine') : t('cases.list.scopeOrganization')}
                  </Link>
                </li>
              )
            })}
          </ul>
        </nav>
      ) : null}

      <CaseSearchForm
        words="cases.list"
        search={filter.search}
        shown={Boolean(cases.data)}
        onSearch={(search) => onFilter({ ...filter, search })}
      />

      <CaseFilterForm
        words="cases.list"
        filter={filter}
        allStatuses={t('cases.list.allStatuses')}
        onFilter={({ status, area }) => onFilter({ ...filter, status, area })}
      />

      <CaseList
        words="cases.list"
        cases={cases}
        rows={rows}
        filtered={Boolean(filter.status || filter.area)}
        empty={
          filtered ? (
            <EmptyState>{t('cases.list.emptyFiltered')}</EmptyState>
          ) : organizationView ? (
            <EmptyState>{t('cases.list.emptyOrganization')}</EmptyState>
          ) : (
            <EmptyState hint={mayCreate ? t('cases.list.emptyHint') : undefined}>
              {t('cases.list.empty')}
            </EmptyState>
          )
        }
        caption={organizationView ? t('cases.list.tableCaptionOrganization') : t('cases.list.tableCaption')}
        className={organizationView ? 'min-w-[60rem]' : 'min-w-[50rem]'}
        columns={[
          t('cases.list.number'),
          t('cases.list.subject'),
          t('cases.list.topic'),
          ...(organizationView ? [t('cases.list.reporter')] : []),
          t('cases.list.status'),
          t('cases.list.createdAt'),
        ]}
        row={(row) => (
          <tr key={row.id} className="border-line border-b align-top">
            <th scope="row" className="py-3 pr-4 font-normal">
              <Link
                to="/arenden/$caseId"
                params={{ caseId: row.id }}
                className="whitespace-nowrap font-semibold"
              >
                {row.number}
              </Link>
              {row.news ? (
                <span className="mt-1 block">
                  <NewsMarker />
                </span>
              ) : null}
            </th>
            <td className="py-3 pr-4">
              <span className="block wrap-break-word">{row.subject}</span>
              {row.channel === 'PHONE' ? (
                <span className="mt-1 block">
                  <PhoneMarker />
                </span>
              ) : null}
            </td>
            <td className="py-3 pr-4">{topic(row.area, row.subArea)}</td>
            {organizationView ? <td className="py-3 pr-4">{row.reporterName ?? ''}</td> : null}
            <td className="py-3 pr-4">
              <CaseStatusText status={row.status} />
            </td>
            <td className="py-3">
              <CaseTime at={row.createdAt} />
            </td>
          </tr>
        )}
      />

      {mayManage ? <CaseVisibilitySetting /> : null}
    </>
  )
}
