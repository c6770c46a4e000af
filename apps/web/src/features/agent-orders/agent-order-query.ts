import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

type Outputs = inferRouterOutputs<AppRouter>

export type AgentOrderRow = Outputs['agentOrder']['list']['items'][number]

export const AGENT_ORDER_PAGE_SIZE = 25

/** What the list shows: one offering or all, and only the orders waiting for the agent or every one naming it. */
export interface AgentOrderFilter {
  offeringId?: string | undefined
  all?: boolean | undefined
}

/** "Hantera beställningar", the longest waiting first, one keyset page at a time; shared by the route loader and the page. */
export function agentOrderListOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: AgentOrderFilter) {
  return trpc.agentOrder.list.infiniteQueryOptions(
    {
      ...(filter.offeringId ? { offeringId: filter.offeringId } : {}),
      waiting: !filter.all,
      limit: AGENT_ORDER_PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor },
  )
}

/**
 * The offerings customers order through an agent, to filter by. Only "Beställare" may read the catalogue
 * (`catalogue.list`); a "Handläggare agent" gets no offering filter (see the page).
 */
export function viaAgentOfferingsOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.catalogue.list.queryOptions(undefined, {
    select: (services) =>
      services.flatMap((service) =>
        service.offerings
          .filter((offering) => offering.viaAgent)
          .map((offering) => ({ id: offering.id, name: offering.name, serviceName: service.name })),
      ),
  })
}
