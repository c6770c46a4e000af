import { createRoute } from '@tanstack/react-router'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const orderSubmittedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestall/skickad/$orderId',
  beforeLoad: requirePermission('order.read'),
  loader: async ({ context, params }) => {
    const texts = loadOrderTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(trpc.order.get.queryOptions({ orderId: params.orderId }))
    await texts
  },
}).lazy(() => import('./order-submitted.lazy.tsx').then((file) => file.orderSubmittedLazyRoute))
