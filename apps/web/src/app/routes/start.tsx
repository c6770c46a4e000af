import { createRoute } from '@tanstack/react-router'
import { portalInfoQueryOptions } from '../../lib/api.ts'
import { rootRoute } from './root.tsx'

export const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // Start fetching while the page renders; the page shows a skeleton until the answer is in.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(portalInfoQueryOptions())
  },
}).lazy(() => import('./start.lazy.tsx').then((file) => file.startLazyRoute))
