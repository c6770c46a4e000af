import { createRoute } from '@tanstack/react-router'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { validateOrderPageSearch } from '../../lib/queue-search.ts'
import { requirePermission } from '../route-guards.ts'
import { type RouterContext, rootRoute } from './root.tsx'

/** The loader of a page showing one order (here and the confirmation): its texts, and the order fetched meanwhile. */
export async function loadOrderPage({
  context,
  params,
}: {
  context: RouterContext
  params: { orderId: string }
}): Promise<void> {
  const texts = loadOrderTexts()
  const trpc = await context.trpc()
  void context.queryClient.prefetchQuery(trpc.order.get.queryOptions({ orderId: params.orderId }))
  await texts
}

export const orderDetailsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestallningar/$orderId',
  // ?from=agent-orders|review and that list's filter: the way back goes to the list as it was.
  validateSearch: validateOrderPageSearch,
  beforeLoad: requirePermission('order.read'),
  loader: loadOrderPage,
}).lazy(() => import('./order-details.lazy.tsx').then((file) => file.orderDetailsLazyRoute))
