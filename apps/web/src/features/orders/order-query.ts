import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'
import type { OrderStatus } from '../../lib/order-status.ts'

type Outputs = inferRouterOutputs<AppRouter>

export type Draft = Outputs['orderDraft']['list']['items'][number]
export type OrderRow = Outputs['order']['list']['items'][number]
export type Order = Outputs['order']['get']
export type Offering = Outputs['catalogue']['offering']

export const DRAFT_PAGE_SIZE = 10
export const ORDER_PAGE_SIZE = 25

/** "Dina utkast", newest first, one keyset page at a time; shared by the route loader and the page. */
export function draftListOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.orderDraft.list.infiniteQueryOptions(
    { limit: DRAFT_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  )
}

/** "Mina beställningar", newest first, optionally of one status. */
export function orderListOptions(trpc: TRPCOptionsProxy<AppRouter>, status: OrderStatus | undefined) {
  return trpc.order.list.infiniteQueryOptions(
    status ? { status, limit: ORDER_PAGE_SIZE } : { limit: ORDER_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  )
}
