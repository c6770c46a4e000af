import { createRoute } from '@tanstack/react-router'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const pricesAndTermsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/priser-och-villkor',
  beforeLoad: requirePermission('catalogue.manage'),
  loader: async ({ context }) => {
    const texts = loadOrderTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(trpc.catalogue.manageList.queryOptions())
    await texts
  },
}).lazy(() => import('./prices-and-terms.lazy.tsx').then((file) => file.pricesAndTermsLazyRoute))
