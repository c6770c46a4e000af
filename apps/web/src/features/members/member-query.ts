import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

export const MEMBER_PAGE_SIZE = 25

export type Member = inferRouterOutputs<AppRouter>['member']['list']['items'][number]

/** The members, sorted by name, one keyset page at a time; shared by the route loader and the page. */
export function memberListOptions(trpc: TRPCOptionsProxy<AppRouter>, search: string | undefined) {
  return trpc.member.list.infiniteQueryOptions(
    search ? { search, limit: MEMBER_PAGE_SIZE } : { limit: MEMBER_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  )
}
