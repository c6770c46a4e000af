import { createRoute } from '@tanstack/react-router'
import { safeRedirect } from '../../lib/session.ts'
import { rootRoute } from './root.tsx'

interface SignInSearch {
  /** Where to go after signing in: the page that needed it. */
  redirect?: string | undefined
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logga-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => {
    const redirect = safeRedirect(search.redirect)
    return redirect ? { redirect } : {}
  },
}).lazy(() => import('./sign-in.lazy.tsx').then((file) => file.signInLazyRoute))
