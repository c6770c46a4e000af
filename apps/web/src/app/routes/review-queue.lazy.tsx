import { createLazyRoute } from '@tanstack/react-router'
import { ReviewQueuePage } from '../../features/review/review-queue-page.tsx'
import { toFilter } from './review-queue.tsx'

export const reviewQueueLazyRoute = createLazyRoute('/granska')({ component: ReviewQueueRoute })

function ReviewQueueRoute() {
  const search = reviewQueueLazyRoute.useSearch()
  const navigate = reviewQueueLazyRoute.useNavigate()
  return (
    <ReviewQueuePage
      filter={toFilter(search)}
      onFilter={(next) =>
        void navigate({
          search: {
            ...(next.all ? { show: 'all' as const } : {}),
            ...(next.all && next.status ? { status: next.status } : {}),
            ...(next.offeringId ? { offering: next.offeringId } : {}),
            ...(next.organizationId ? { organization: next.organizationId } : {}),
          },
        })
      }
    />
  )
}
