import { createRoute } from '@tanstack/react-router'
import { draftListOptions } from '../../features/orders/order-query.ts'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const orderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestall',
  beforeLoad: requirePermission('order.create'),
  loader: async ({ context }) => {
    const texts = loadOrderTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(trpc.catalogue.list.queryOptions())
    void context.queryClient.prefetchInfiniteQuery(draftListOptions(trpc))
    await texts
  },
}).lazy(() => import('./order.lazy.tsx').then((file) => file.orderLazyRoute))
