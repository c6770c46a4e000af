import { createRoute } from '@tanstack/react-router'
import { type ReviewFilter, reviewQueueOptions } from '../../features/review/review-query.ts'
import { loadQueueTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface ReviewQueueSearch {
  offering?: string | undefined
  show?: 'all' | undefined
}

export const reviewQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/granska',
  // The filter lives in the address (?show=all&offering=…), so it can be linked to and "Tillbaka" undoes it.
  validateSearch: (search: Record<string, unknown>): ReviewQueueSearch => ({
    ...(typeof search.offering === 'string' && ID.test(search.offering) ? { offering: search.offering } : {}),
    ...(search.show === 'all' ? { show: 'all' as const } : {}),
  }),
  // The provider's Granskare.
  beforeLoad: requirePermission('provider.review'),
  loaderDeps: ({ search }) => ({ offering: search.offering, show: search.show }),
  loader: async ({ context, deps }) => {
    const texts = loadQueueTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(reviewQueueOptions(trpc, toFilter(deps)))
    await texts
  },
}).lazy(() => import('./review-queue.lazy.tsx').then((file) => file.reviewQueueLazyRoute))

export function toFilter(search: ReviewQueueSearch): ReviewFilter {
  return { offeringId: search.offering, all: search.show === 'all' }
}
