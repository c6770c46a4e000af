import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import type { ReviewFilter } from './review-query.ts'

interface OfferingOption {
  id: string
  label: string
}

/**
 * The filter row of "Granska beställningar": which orders (those waiting for review, or all) and, once the
 * offerings are listed, one offering. Applied on "Filtrera", not while choosing.
 */
export function ReviewFilterForm({
  filter,
  offerings,
  onFilter,
}: {
  filter: ReviewFilter
  /** The offerings to choose from; without them there is no offering filter. */
  offerings: readonly OfferingOption[] | undefined
  onFilter: (filter: ReviewFilter) => void
}) {
  const { t } = useTranslation()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const offering = form.get('offering')
    onFilter({
      offeringId: offerings?.find((one) => one.id === offering)?.id,
      all: form.get('show') === 'all',
    })
  }

  return (
    <form onSubmit={submit} className="mb-6">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">{t('queues.filterLegend')}</legend>
        <SelectField
          key={`show-${filter.all ? 'all' : 'waiting'}`}
          name="show"
          label={t('queues.showLabel')}
          defaultValue={filter.all ? 'all' : 'waiting'}
          className="max-w-80"
          options={[
            { value: 'waiting', label: t('queues.reviewQueue.showWaiting') },
            { value: 'all', label: t('queues.reviewQueue.showAll') },
          ]}
        />
        {offerings ? (
          <SelectField
            key={`offering-${filter.offeringId ?? ''}`}
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
        <Button type="submit" variant="secondary">
          {t('queues.filterSubmit')}
        </Button>
      </fieldset>
    </form>
  )
}
