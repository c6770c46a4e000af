import { useTranslation } from 'react-i18next'
import { type FilterChoice, QueueFilterForm } from '../../components/queue-filter-form.tsx'
import type { AgentOrderFilter } from './agent-order-query.ts'

/** The filter row of "Hantera beställningar": the queue's filter, with the agent's customers to choose from. */
export function AgentOrderFilterForm({
  customers,
  ...props
}: {
  filter: AgentOrderFilter
  /** The offerings to choose from; without them there is no offering filter. */
  offerings: readonly FilterChoice[] | undefined
  /** The customers to choose from; without them there is no customer filter. */
  customers: readonly FilterChoice[] | undefined
  onFilter: (filter: AgentOrderFilter) => void
}) {
  const { t } = useTranslation()
  return (
    <QueueFilterForm
      {...props}
      organizations={customers}
      words={{
        showWaiting: t('queues.agentOrders.showWaiting'),
        showAll: t('queues.agentOrders.showAll'),
        organizationField: 'customer',
        organizationLabel: t('queues.customer'),
        allOrganizations: t('queues.allCustomers'),
      }}
    />
  )
}
