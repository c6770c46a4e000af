import { createRoute } from '@tanstack/react-router'
import { StartPage } from '../../features/portal/start-page.tsx'
import { rootRoute } from './root.tsx'

export const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // Start fetching while the page renders; the page shows a skeleton until the answer is in.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.portal.info.queryOptions())
  },
  component: StartPage,
})
