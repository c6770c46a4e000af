import { createRoute } from '@tanstack/react-router'
import { rootRoute } from './root.tsx'

export const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // Start fetching while the page renders; the page shows a skeleton until the answer is in.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.portal.info.queryOptions())
  },
}).lazy(() => import('./start.lazy.tsx').then((file) => file.startLazyRoute))
