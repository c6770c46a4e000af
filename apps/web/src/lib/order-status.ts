import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'

/** An order's status as the API answers it: SUBMITTED, COMPLETED, REJECTED, CANCELLED or WITHDRAWN. */
export type OrderStatus = inferRouterOutputs<AppRouter>['order']['list']['items'][number]['status']

/**
 * The statuses the order lists filter by ("Mina beställningar", and every order in "Hantera beställningar"
 * and "Granska beställningar"), in order. A record over the API's type, so a status added there fails the
 * typecheck here; routes validate their addresses with it without loading the schemas.
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
