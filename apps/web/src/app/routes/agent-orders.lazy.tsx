import { createLazyRoute } from '@tanstack/react-router'
import { AgentOrdersPage } from '../../features/agent-orders/agent-orders-page.tsx'
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
          search: {
            ...(next.all ? { show: 'all' as const } : {}),
            ...(next.all && next.status ? { status: next.status } : {}),
            ...(next.offeringId ? { offering: next.offeringId } : {}),
            ...(next.organizationId ? { organization: next.organizationId } : {}),
          },
        })
      }
    />
  )
}
