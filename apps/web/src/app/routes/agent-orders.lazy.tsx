import { createLazyRoute } from '@tanstack/react-router'
import { AgentOrdersPage } from '../../features/agent-orders/agent-orders-page.tsx'
import { queueSearchOf } from '../../lib/queue-search.ts'
import { toFilter } from './agent-orders.tsx'

export const agentOrdersLazyRoute = createLazyRoute('/agentuppdrag')({ component: AgentOrdersRoute })

function AgentOrdersRoute() {
  const search = agentOrdersLazyRoute.useSearch()
  const navigate = agentOrdersLazyRoute.useNavigate()
  return (
    <AgentOrdersPage
      filter={toFilter(search)}
      onFilter={(next) =>
        void navigate({
          search: queueSearchOf(next),
        })
      }
    />
  )
}
