import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { ORDER_STATUS_FILTERS } from '../../lib/order-status.ts'
import type { ReviewFilter } from './review-query.ts'

export interface FilterChoice {
  id: string
  label: string
}

type Show = 'waiting' | 'all'

/**
 * The filter row of "Granska beställningar": which orders (those waiting for review, or all, then of one
 * status if asked), one offering and one organisation among the orders once those are listed. Applied on
 * "Filtrera", not while choosing; the status list shows as soon as "Alla beställningar" is chosen.
 */
export function ReviewFilterForm(props: {
  filter: ReviewFilter
  /** The offerings to choose from; without them there is no offering filter. */
  offerings: readonly FilterChoice[] | undefined
  /** The organisations to choose from; without them there is no organisation filter. */
  organizations: readonly FilterChoice[] | undefined
  onFilter: (filter: ReviewFilter) => void
}) {
  const { filter } = props
  // A new filter (Filtrera, "Tillbaka", a link) starts the fields over from it.
  const key = [filter.all ? 'all' : 'waiting', filter.status, filter.offeringId, filter.organizationId].join()
  return <FilterFields key={key} {...props} />
}

function FilterFields({
  filter,
  offerings,
  organizations,
  onFilter,
}: Parameters<typeof ReviewFilterForm>[0]) {
  const { t } = useTranslation()
  const [show, setShow] = useState<Show>(filter.all ? 'all' : 'waiting')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const all = form.get('show') === 'all'
    onFilter({
      all,
      status: all ? ORDER_STATUS_FILTERS.find((one) => one === form.get('status')) : undefined,
      offeringId: offerings?.find((one) => one.id === form.get('offering'))?.id,
      organizationId: organizations?.find((one) => one.id === form.get('organization'))?.id,
    })
  }

  return (
    <form onSubmit={submit} className="mb-6">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">{t('queues.filterLegend')}</legend>
        <SelectField
          name="show"
          label={t('queues.showLabel')}
          value={show}
          onChange={(event) => setShow(event.target.value === 'all' ? 'all' : 'waiting')}
          className="max-w-80"
          options={[
            { value: 'waiting', label: t('queues.reviewQueue.showWaiting') },
            { value: 'all', label: t('queues.reviewQueue.showAll') },
          ]}
        />
        {show === 'all' ? (
          <SelectField
            name="status"
            label={t('queues.statusLabel')}
            defaultValue={filter.status ?? ''}
            className="max-w-60"
            options={[
              { value: '', label: t('queues.allStatuses') },
              ...ORDER_STATUS_FILTERS.map((one) => ({ value: one, label: t(`queues.statuses.${one}`) })),
            ]}
          />
        ) : null}
        {offerings ? (
          <SelectField
            name="offering"
            label={t('queues.offeringLabel')}
            defaultValue={filter.offeringId ?? ''}
            className="max-w-96"
            options={[
              { value: '', label: t('queues.allOfferings') },
              ...offerings.map((offering) => ({ value: offering.id, label: offering.label })),
            ]}
          />
        ) : null}
        {organizations ? (
          <SelectField
            name="organization"
            label={t('queues.organization')}
            defaultValue={filter.organizationId ?? ''}
            className="max-w-80"
            options={[
              { value: '', label: t('queues.allOrganizations') },
              ...organizations.map((organization) => ({ value: organization.id, label: organization.label })),
            ]}
          />
        ) : null}
        <Button type="submit" variant="secondary">
          {t('queues.filterSubmit')}
        </Button>
      </fieldset>
    </form>
  )
}
