import { createLazyRoute } from '@tanstack/react-router'
import { NewPasswordPage } from '../../features/auth/new-password-page.tsx'

export const newPasswordLazyRoute = createLazyRoute('/nytt-losenord')({ component: NewPasswordRoute })

function NewPasswordRoute() {
  const { token } = newPasswordLazyRoute.useSearch()
  const navigate = newPasswordLazyRoute.useNavigate()
  return (
    <NewPasswordPage
      token={token}
      onSaved={(username) =>
        void navigate({ to: '/logga-in', state: { signInNotice: 'passwordSaved', username } })
      }
    />
  )
}
