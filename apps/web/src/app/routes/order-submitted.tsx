import { createRoute } from '@tanstack/react-router'
import { requirePermission } from '../route-guards.ts'
import { loadOrderPage } from './order-details.tsx'
import { rootRoute } from './root.tsx'

export const orderSubmittedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestall/skickad/$orderId',
  beforeLoad: requirePermission('order.read'),
  loader: loadOrderPage,
}).lazy(() => import('./order-submitted.lazy.tsx').then((file) => file.orderSubmittedLazyRoute))
