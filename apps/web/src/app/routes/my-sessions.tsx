import { createRoute } from '@tanstack/react-router'
import { requireSignIn } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const mySessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mina-inloggningar',
  beforeLoad: requireSignIn,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.session.list.queryOptions())
  },
}).lazy(() => import('./my-sessions.lazy.tsx').then((file) => file.mySessionsLazyRoute))
