import { createRoute } from '@tanstack/react-router'
import { rootRoute } from './root.tsx'

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/glomt-losenord',
}).lazy(() => import('./forgot-password.lazy.tsx').then((file) => file.forgotPasswordLazyRoute))
