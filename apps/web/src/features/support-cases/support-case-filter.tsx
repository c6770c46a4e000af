import { CASE_AREAS } from '@kundnav/schemas'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type FilterChoice, FilterRow } from '../../components/queue-filter-form.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { CASE_STATUS_FILTERS, type SupportCaseFilter } from './support-case-query.ts'

/**
 * The filter row of "Ärenden": the open cases or those of one status, one area (Område, from the topics
 * as data) and one organisation among those with cases. Applied on "Filtrera", not while choosing.
 */
export function SupportCaseFilterForm({
  filter,
  organizations,
  onFilter,
}: {
  filter: SupportCaseFilter
  /** The organisations to choose from; without them there is no organisation filter. */
  organizations: readonly FilterChoice[] | undefined
  onFilter: (filter: SupportCaseFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  // A new filter (Filtrera, "Tillbaka", a link) starts the fields over from it.
  const key = [filter.status, filter.area, filter.organizationId, organizations ? 'with' : 'without'].join()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    onFilter({
      // The search stays: it is changed in its own form above.
      search: filter.search,
      status: CASE_STATUS_FILTERS.find((one) => one === form.get('status')),
      area: CASE_AREAS.find((area) => area.key === form.get('area'))?.key,
      organizationId: organizations?.find((one) => one.id === form.get('organization'))?.id,
    })
  }

  return (
    <FilterRow
      key={key}
      legend={t('supportCases.queue.filterLegend')}
      submitLabel={t('supportCases.queue.filterSubmit')}
      onSubmit={submit}
    >
      <SelectField
        name="status"
        label={t('supportCases.queue.statusLabel')}
        defaultValue={filter.status ?? ''}
        className="max-w-72"
        options={[
          { value: '', label: t('supportCases.queue.allOpen') },
          ...CASE_STATUS_FILTERS.map((status) => ({
            value: status,
            label: t(`supportCases.statuses.${status}`),
          })),
        ]}
      />
      <SelectField
        name="area"
        label={t('supportCases.queue.areaLabel')}
        defaultValue={filter.area ?? ''}
        className="max-w-72"
        options={[
          { value: '', label: t('supportCases.queue.allAreas') },
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
