import { createRoute } from '@tanstack/react-router'
import { invitationListQueryOptions } from '../../lib/api.ts'
import { requireSignIn } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

/** "Inbjudningar": where the invitation mail's link leads, after signing in if needed. */
export const invitationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbjudningar',
  beforeLoad: requireSignIn,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(invitationListQueryOptions())
  },
}).lazy(() => import('./invitations.lazy.tsx').then((file) => file.invitationsLazyRoute))
