import { createRoute } from '@tanstack/react-router'
import { NewPasswordPage } from '../../features/auth/new-password-page.tsx'
import { rootRoute } from './root.tsx'

interface NewPasswordSearch {
  /** The one-time token from the mailed link. */
  token?: string | undefined
}

export const newPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nytt-losenord',
  validateSearch: (search: Record<string, unknown>): NewPasswordSearch => {
    const token = typeof search.token === 'string' ? search.token.trim() : ''
    return token ? { token } : {}
  },
  component: NewPasswordRoute,
})

function NewPasswordRoute() {
  const { token } = newPasswordRoute.useSearch()
  const navigate = newPasswordRoute.useNavigate()
  return (
    <NewPasswordPage
      token={token}
      onSaved={(username) =>
        void navigate({ to: '/logga-in', state: { signInNotice: 'passwordSaved', username } })
      }
    />
  )
}
