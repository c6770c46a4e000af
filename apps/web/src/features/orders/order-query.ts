import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

type Outputs = inferRouterOutputs<AppRouter>

export type Draft = Outputs['orderDraft']['list']['items'][number]
export type OrderRow = Outputs['order']['list']['items'][number]
export type Order = Outputs['order']['get']
export type Offering = Outputs['catalogue']['offering']
export type OrderStatus = OrderRow['status']

/**
 * The statuses "Mina beställningar" filters by, in order. A record over the API's type, so a status added
 * there fails the typecheck here; the route validates its address with it without loading the schemas.
 */
const STATUS_ORDER: Record<OrderStatus, number> = {
  SUBMITTED: 0,
  COMPLETED: 1,
  REJECTED: 2,
  CANCELLED: 3,
  WITHDRAWN: 4,
}
export const ORDER_STATUS_FILTERS = (Object.keys(STATUS_ORDER) as OrderStatus[]).sort(
  (a, b) => STATUS_ORDER[a] - STATUS_ORDER[b],
)

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && Object.hasOwn(STATUS_ORDER, value)
}

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
