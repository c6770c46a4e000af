import { createRoute } from '@tanstack/react-router'
import { ChooseRolePage } from '../../features/session/choose-role-page.tsx'
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
  component: ChooseRoleRoute,
})

function ChooseRoleRoute() {
  const { redirect } = chooseRoleRoute.useSearch()
  const navigate = chooseRoleRoute.useNavigate()
  return <ChooseRolePage onChosen={() => void navigate({ href: redirect ?? '/' })} />
}
