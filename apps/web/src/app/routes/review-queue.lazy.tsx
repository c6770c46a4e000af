import { createLazyRoute } from '@tanstack/react-router'
import { ReviewQueuePage } from '../../features/review/review-queue-page.tsx'
import { queueSearchOf } from '../../lib/queue-search.ts'
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
          search: queueSearchOf(next),
        })
      }
    />
  )
}
