import { createLazyRoute } from '@tanstack/react-router'
import { ChooseRolePage } from '../../features/session/choose-role-page.tsx'

export const chooseRoleLazyRoute = createLazyRoute('/valj-roll')({ component: ChooseRoleRoute })

function ChooseRoleRoute() {
  const { redirect } = chooseRoleLazyRoute.useSearch()
  const navigate = chooseRoleLazyRoute.useNavigate()
  return <ChooseRolePage onChosen={() => navigate({ href: redirect ?? '/' })} />
}
