import { createRoute } from '@tanstack/react-router'
import { MyDetailsPage } from '../../features/me/my-details-page.tsx'
import { requireSignIn } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const myDetailsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mina-uppgifter',
  beforeLoad: requireSignIn,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.me.get.queryOptions())
  },
  component: MyDetailsPage,
})
