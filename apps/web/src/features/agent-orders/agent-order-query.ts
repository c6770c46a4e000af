import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'
import type { QueueFilter } from '../../components/queue-filter-form.tsx'

type Outputs = inferRouterOutputs<AppRouter>

export type AgentOrderRow = Outputs['agentOrder']['list']['items'][number]
export type AgentOrderFilters = Outputs['agentOrder']['filters']

export const AGENT_ORDER_PAGE_SIZE = 25

/**
 * What the list shows: only the orders waiting for the agent, or every one naming it (`all`, and then
 * optionally of one status); of one offering or all; from one customer or all.
 */
export type AgentOrderFilter = QueueFilter

/** "Hantera beställningar", the longest waiting first, one keyset page at a time; shared by the route loader and the page. */
export function agentOrderListOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: AgentOrderFilter) {
  return trpc.agentOrder.list.infiniteQueryOptions(
    {
      ...(filter.offeringId ? { offeringId: filter.offeringId } : {}),
      ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      ...(filter.all && filter.status ? { status: filter.status } : {}),
      waiting: !filter.all,
      limit: AGENT_ORDER_PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor },
  )
}

/** The offerings and customers among the orders naming the agent, to filter by; shared by the route loader and the page. */
export function agentOrderFiltersOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.agentOrder.filters.queryOptions()
}
