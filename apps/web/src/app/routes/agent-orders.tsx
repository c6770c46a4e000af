import { createRoute } from '@tanstack/react-router'
import {
  type AgentOrderFilter,
  agentOrderFiltersOptions,
  agentOrderListOptions,
} from '../../features/agent-orders/agent-order-query.ts'
import { loadQueueTexts } from '../../i18n/i18n.ts'
import { type QueueSearch, validateQueueSearch } from '../../lib/queue-search.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

type AgentOrdersSearch = QueueSearch

export const agentOrdersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agentuppdrag',
  // The filter lives in the address (?show=all&status=…&offering=…&organization=…), so it can be linked to
  // and "Tillbaka" undoes it. A status goes with show=all only: the orders waiting are all in progress.
  validateSearch: validateQueueSearch,
  // Beställare and Handläggare agent; the server also requires the organisation to be an agent, and the
  // page says so when it is not.
  beforeLoad: requirePermission('agentAssignment.handle'),
  loaderDeps: ({ search }) => ({
    show: search.show,
    status: search.status,
    offering: search.offering,
    organization: search.organization,
  }),
  loader: async ({ context, deps }) => {
    const texts = loadQueueTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(agentOrderListOptions(trpc, toFilter(deps)))
    void context.queryClient.prefetchQuery(agentOrderFiltersOptions(trpc))
    await texts
  },
}).lazy(() => import('./agent-orders.lazy.tsx').then((file) => file.agentOrdersLazyRoute))

export function toFilter(search: AgentOrdersSearch): AgentOrderFilter {
  return {
    all: search.show === 'all',
    status: search.status,
    offeringId: search.offering,
    organizationId: search.organization,
  }
}
