import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'
import type { QueueFilter } from '../../components/queue-filter-form.tsx'

type Outputs = inferRouterOutputs<AppRouter>

export type ReviewRow = Outputs['review']['queue']['items'][number]
export type ReviewFilters = Outputs['review']['filters']

export const REVIEW_PAGE_SIZE = 25

/**
 * What the queue shows: only the orders waiting for review, or every order (`all`, and then optionally of
 * one status); of one offering or all; from one organisation or all.
 */
export type ReviewFilter = QueueFilter

/** "Granska beställningar", the longest waiting first, one keyset page at a time; shared by the route loader and the page. */
export function reviewQueueOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: ReviewFilter) {
  return trpc.review.queue.infiniteQueryOptions(
    {
      ...(filter.offeringId ? { offeringId: filter.offeringId } : {}),
      ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      ...(filter.all && filter.status ? { status: filter.status } : {}),
      waiting: !filter.all,
      limit: REVIEW_PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor },
  )
}

/** The offerings and organisations among the orders, to filter by; shared by the route loader and the page. */
export function reviewFiltersOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.review.filters.queryOptions()
}
