import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

type Outputs = inferRouterOutputs<AppRouter>

export type ReviewRow = Outputs['review']['queue']['items'][number]

export const REVIEW_PAGE_SIZE = 25

/** What the queue shows: one offering or all, and only the orders waiting for review or every order. */
export interface ReviewFilter {
  offeringId?: string | undefined
  all?: boolean | undefined
}

/** "Granska beställningar", the longest waiting first, one keyset page at a time; shared by the route loader and the page. */
export function reviewQueueOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: ReviewFilter) {
  return trpc.review.queue.infiniteQueryOptions(
    {
      ...(filter.offeringId ? { offeringId: filter.offeringId } : {}),
      waiting: !filter.all,
      limit: REVIEW_PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor },
  )
}

/** Every offering of the catalogue, to filter by (provider reviewers keep the catalogue: `catalogue.manage`). */
export function reviewOfferingsOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.catalogue.manageList.queryOptions(undefined, {
    select: (offerings) =>
      offerings.map((offering) => ({
        id: offering.id,
        name: offering.name,
        serviceName: offering.serviceName,
      })),
  })
}
