import { createRoute } from '@tanstack/react-router'
import {
  type AgentOrderFilter,
  agentOrderListOptions,
} from '../../features/agent-orders/agent-order-query.ts'
import { loadQueueTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface AgentOrdersSearch {
  offering?: string | undefined
  show?: 'all' | undefined
}

export const agentOrdersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agentuppdrag',
  // The filter lives in the address (?show=all&offering=…), so it can be linked to and "Tillbaka" undoes it.
  validateSearch: (search: Record<string, unknown>): AgentOrdersSearch => ({
    ...(typeof search.offering === 'string' && ID.test(search.offering) ? { offering: search.offering } : {}),
    ...(search.show === 'all' ? { show: 'all' as const } : {}),
  }),
  // Beställare and Handläggare agent; the server also requires the organisation to be an agent, and the
  // page says so when it is not.
  beforeLoad: requirePermission('agentAssignment.handle'),
  loaderDeps: ({ search }) => ({ offering: search.offering, show: search.show }),
  loader: async ({ context, deps }) => {
    const texts = loadQueueTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(agentOrderListOptions(trpc, toFilter(deps)))
    await texts
  },
}).lazy(() => import('./agent-orders.lazy.tsx').then((file) => file.agentOrdersLazyRoute))

export function toFilter(search: AgentOrdersSearch): AgentOrderFilter {
  return { offeringId: search.offering, all: search.show === 'all' }
}
