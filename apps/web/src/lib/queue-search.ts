import { isOrderStatus, type OrderStatus } from './order-status.ts'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The filter of "Hantera beställningar" and "Granska beställningar" as it lives in their addresses
 * (?show=all&status=…&offering=…&organization=…), so it can be linked to, "Tillbaka" undoes it, and an
 * order opened from the list can lead back to it as it was.
 */
export interface QueueSearch {
  show?: 'all' | undefined
  status?: OrderStatus | undefined
  offering?: string | undefined
  organization?: string | undefined
}

/** The list an order was opened from, for the order page's way back; Mina beställningar when none. */
export type OrderFrom = 'agent-orders' | 'review'

export interface OrderPageSearch extends QueueSearch {
  from?: OrderFrom | undefined
}

/** A status goes with show=all only: the orders waiting are all in progress. */
export function validateQueueSearch(search: Record<string, unknown>): QueueSearch {
  return {
    ...(search.show === 'all' ? { show: 'all' as const } : {}),
    ...(search.show === 'all' && isOrderStatus(search.status) ? { status: search.status } : {}),
    ...(isId(search.offering) ? { offering: search.offering } : {}),
    ...(isId(search.organization) ? { organization: search.organization } : {}),
  }
}

export function validateOrderPageSearch(search: Record<string, unknown>): OrderPageSearch {
  const from = search.from === 'agent-orders' || search.from === 'review' ? search.from : undefined
  return from ? { from, ...validateQueueSearch(search) } : {}
}

/** A list's filter as its address says it. */
export function queueSearchOf(filter: {
  all?: boolean | undefined
  status?: OrderStatus | undefined
  offeringId?: string | undefined
  organizationId?: string | undefined
}): QueueSearch {
  return {
    ...(filter.all ? { show: 'all' as const } : {}),
    ...(filter.all && filter.status ? { status: filter.status } : {}),
    ...(filter.offeringId ? { offering: filter.offeringId } : {}),
    ...(filter.organizationId ? { organization: filter.organizationId } : {}),
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value)
}
