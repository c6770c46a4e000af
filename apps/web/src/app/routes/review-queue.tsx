import { createRoute } from '@tanstack/react-router'
import {
  type ReviewFilter,
  reviewFiltersOptions,
  reviewQueueOptions,
} from '../../features/review/review-query.ts'
import { loadQueueTexts } from '../../i18n/i18n.ts'
import { type QueueSearch, validateQueueSearch } from '../../lib/queue-search.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

type ReviewQueueSearch = QueueSearch

export const reviewQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/granska',
  // The filter lives in the address (?show=all&status=…&offering=…&organization=…), so it can be linked to
  // and "Tillbaka" undoes it. A status goes with show=all only: the orders waiting are all in progress.
  validateSearch: validateQueueSearch,
  // The provider's Granskare.
  beforeLoad: requirePermission('provider.review'),
  loaderDeps: ({ search }) => ({
    show: search.show,
    status: search.status,
    offering: search.offering,
    organization: search.organization,
  }),
  loader: async ({ context, deps }) => {
    const texts = loadQueueTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(reviewQueueOptions(trpc, toFilter(deps)))
    void context.queryClient.prefetchQuery(reviewFiltersOptions(trpc))
    await texts
  },
}).lazy(() => import('./review-queue.lazy.tsx').then((file) => file.reviewQueueLazyRoute))

export function toFilter(search: ReviewQueueSearch): ReviewFilter {
  return {
    all: search.show === 'all',
    status: search.status,
    offeringId: search.offering,
    organizationId: search.organization,
  }
}
