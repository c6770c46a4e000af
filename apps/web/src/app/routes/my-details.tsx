import { createRoute } from '@tanstack/react-router'
import { requireSignIn } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const myDetailsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mina-uppgifter',
  beforeLoad: requireSignIn,
  loader: async ({ context }) => {
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(trpc.me.get.queryOptions())
  },
}).lazy(() => import('./my-details.lazy.tsx').then((file) => file.myDetailsLazyRoute))
