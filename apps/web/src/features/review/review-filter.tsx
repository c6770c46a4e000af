import { useTranslation } from 'react-i18next'
import { type FilterChoice, QueueFilterForm } from '../../components/queue-filter-form.tsx'
import type { ReviewFilter } from './review-query.ts'

/** The filter row of "Granska beställningar": the queue's filter, with organisations to choose from. */
export function ReviewFilterForm(props: {
  filter: ReviewFilter
  /** The offerings to choose from; without them there is no offering filter. */
  offerings: readonly FilterChoice[] | undefined
  /** The organisations to choose from; without them there is no organisation filter. */
  organizations: readonly FilterChoice[] | undefined
  onFilter: (filter: ReviewFilter) => void
}) {
  const { t } = useTranslation()
  return (
    <QueueFilterForm
      {...props}
      words={{
        showWaiting: t('queues.reviewQueue.showWaiting'),
        showAll: t('queues.reviewQueue.showAll'),
        organizationField: 'organization',
        organizationLabel: t('queues.organization'),
        allOrganizations: t('queues.allOrganizations'),
      }}
    />
  )
}
