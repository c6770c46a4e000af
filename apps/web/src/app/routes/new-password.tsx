import { createRoute } from '@tanstack/react-router'
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
}).lazy(() => import('./new-password.lazy.tsx').then((file) => file.newPasswordLazyRoute))
