import { CASE_AREAS, type CaseStatus } from '@kundnav/schemas'
import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PagedTable } from '../../components/paged-table.tsx'
import { type FilterChoice, FilterRow } from '../../components/queue-filter-form.tsx'
import { SearchForm } from '../../components/ui/search-form.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { usePageLanguage } from './case-format.ts'
import { CASE_STATUS_FILTERS } from './case-query.ts'

/**
 * Where a case list takes its words: the reporter's "Mina ärenden" (`cases.list`) or support's "Ärenden"
 * (`supportCases.queue`); both have the same keys for what the shell and the filter row say.
 */
export type CaseListWords = 'cases.list' | 'supportCases.queue'

/** What the filter row of a case list chooses; the search is chosen in its own form above it. */
export interface CaseFilterChoice {
  status?: CaseStatus | undefined
  area?: string | undefined
  organizationId?: string | undefined
}

/**
 * The search of a case list: a case number ("2026-000123") or words of the subject; "Visa alla" clears it.
 * `shown` says the list now shows the search's result, which is then said.
 */
export function CaseSearchForm({
  words,
  search,
  shown,
  onSearch,
}: {
  words: CaseListWords
  search: string | undefined
  shown: boolean
  onSearch: (search: string | undefined) => void
}) {
  const { t } = useTranslation()
  return (
    <SearchForm
      legend={t(`${words}.searchLegend`)}
      name="search"
      label={t(`${words}.searchLabel`)}
      hint={t(`${words}.searchHint`)}
      value={search}
      submitLabel={t(`${words}.searchSubmit`)}
      clearLabel={t(`${words}.searchClear`)}
      status={search && shown ? t(`${words}.searchStatus`, { search }) : null}
      onSearch={onSearch}
    />
  )
}

/**
 * The filter row of a case list: one status (or `allStatuses`), one area (Område, from the topics as
 * data) and, given `organizations`, one organisation. Applied on "Filtrera", not while choosing.
 */
export function CaseFilterForm({
  words,
  filter,
  allStatuses,
  organizations,
  onFilter,
}: {
  words: CaseListWords
  filter: CaseFilterChoice
  /** The status choice that filters by none ("Alla statusar", "Alla öppna ärenden"). */
  allStatuses: string
  /** The organisations to choose from; without them there is no organisation filter. */
  organizations?: readonly FilterChoice[] | undefined
  onFilter: (next: CaseFilterChoice) => void
}) {
  const { t } = useTranslation()
  const language = usePageLanguage()
  const statusWords = words === 'cases.list' ? 'cases.statuses' : 'supportCases.statuses'
  // A new filter (Filtrera, "Tillbaka", a link) starts the fields over from it.
  const key = [filter.status, filter.area, filter.organizationId, organizations ? 'with' : 'without'].join()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    onFilter({
      status: CASE_STATUS_FILTERS.find((one) => one === form.get('status')),
      area: CASE_AREAS.find((area) => area.key === form.get('area'))?.key,
      ...(organizations
        ? { organizationId: organizations.find((one) => one.id === form.get('organization'))?.id }
        : {}),
    })
  }

  return (
    <FilterRow
      key={key}
      legend={t(`${words}.filterLegend`)}
      submitLabel={t(`${words}.filterSubmit`)}
      onSubmit={submit}
    >
      <SelectField
        name="status"
        label={t(`${words}.statusLabel`)}
        defaultValue={filter.status ?? ''}
        className="max-w-72"
        options={[
          { value: '', label: allStatuses },
          ...CASE_STATUS_FILTERS.map((status) => ({ value: status, label: t(`${statusWords}.${status}`) })),
        ]}
      />
      <SelectField
        name="area"
        label={t(`${words}.areaLabel`)}
        defaultValue={filter.area ?? ''}
        className="max-w-72"
        options={[
          { value: '', label: t(`${words}.allAreas`) },
          ...CASE_AREAS.map((area) => ({ value: area.key, label: area.label[language] })),
        ]}
      />
      {organizations ? (
        <SelectField
          name="organization"
          label={t('supportCases.queue.organizationLabel')}
          defaultValue={filter.organizationId ?? ''}
          className="max-w-80"
          options={[
            { value: '', label: t('supportCases.queue.allOrganizations') },
            ...organizations.map((organization) => ({ value: organization.id, label: organization.label })),
          ]}
        />
      ) : null}
    </FilterRow>
  )
}

/**
 * A list of cases under its filter row: the filter's result said to screen readers (the search says its
 * own), then the paged table (PagedTable) with a row per case.
 */
export function CaseList<Row extends { id: string }>({
  words,
  cases,
  rows,
  filtered,
  ...table
}: {
  words: CaseListWords
  cases: Parameters<typeof PagedTable>[0]['query'] & { isPlaceholderData: boolean }
  rows: readonly Row[]
  /** Whether the filter row (not the search, which says its own) narrows the list. */
  filtered: boolean
  empty: ReactNode
  caption: string
  className: string
  columns: string[]
  row: (row: Row) => ReactNode
}) {
  const { t } = useTranslation()
  return (
    <>
      {/* The filter's result, said once the list shows it (the search says its own above). */}
      <p role="status" className="sr-only">
        {filtered && cases.data && !cases.isPlaceholderData
          ? rows.length === 0
            ? t(`${words}.filterNone`)
            : cases.hasNextPage
              ? t(`${words}.filterResultMore`, { count: rows.length })
              : t(`${words}.filterResult`, { count: rows.length })
          : ''}
      </p>
      <PagedTable
        {...table}
        query={cases}
        rows={rows}
        words={{
          loading: t(`${words}.loading`),
          forbidden: t(`${words}.forbidden`),
          loadingMore: t(`${words}.loadingMore`),
          noMore: t(`${words}.noMore`),
        }}
      />
    </>
  )
}
