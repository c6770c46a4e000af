import { createRoute } from '@tanstack/react-router'
import { requireSignIn } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const mySessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mina-inloggningar',
  beforeLoad: requireSignIn,
  loader: async ({ context }) => {
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(trpc.session.list.queryOptions())
  },
}).lazy(() => import('./my-sessions.lazy.tsx').then((file) => file.mySessionsLazyRoute))
