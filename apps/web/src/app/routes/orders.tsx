import { createRoute } from '@tanstack/react-router'
import { orderListOptions } from '../../features/orders/order-query.ts'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { isOrderStatus, type OrderStatus } from '../../lib/order-status.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

interface OrdersSearch {
  status?: OrderStatus | undefined
}

export const ordersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestallningar',
  // The filter lives in the address (?status=SUBMITTED), so it can be linked to and "Tillbaka" undoes it.
  validateSearch: (search: Record<string, unknown>): OrdersSearch =>
    isOrderStatus(search.status) ? { status: search.status } : {},
  beforeLoad: requirePermission('order.read'),
  loaderDeps: ({ search }) => ({ status: search.status }),
  loader: async ({ context, deps }) => {
    const texts = loadOrderTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(orderListOptions(trpc, deps.status))
    await texts
  },
}).lazy(() => import('./orders.lazy.tsx').then((file) => file.ordersLazyRoute))
