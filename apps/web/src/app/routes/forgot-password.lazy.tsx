import { createLazyRoute } from '@tanstack/react-router'
import { ForgotPasswordPage } from '../../features/auth/forgot-password-page.tsx'

export const forgotPasswordLazyRoute = createLazyRoute('/glomt-losenord')({ component: ForgotPasswordPage })
