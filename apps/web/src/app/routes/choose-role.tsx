import { createRoute } from '@tanstack/react-router'
import { safeRedirect } from '../../lib/session.ts'
import { requireSignIn } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

interface ChooseRoleSearch {
  redirect?: string | undefined
}

export const chooseRoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/valj-roll',
  validateSearch: (search: Record<string, unknown>): ChooseRoleSearch => {
    const redirect = safeRedirect(search.redirect)
    return redirect ? { redirect } : {}
  },
  beforeLoad: requireSignIn,
}).lazy(() => import('./choose-role.lazy.tsx').then((file) => file.chooseRoleLazyRoute))
