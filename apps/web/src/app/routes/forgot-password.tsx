import { createRoute } from '@tanstack/react-router'
import { ForgotPasswordPage } from '../../features/auth/forgot-password-page.tsx'
import { rootRoute } from './root.tsx'

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/glomt-losenord',
  component: ForgotPasswordPage,
})
