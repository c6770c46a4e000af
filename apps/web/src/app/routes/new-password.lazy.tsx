import { createLazyRoute } from '@tanstack/react-router'
import { NewPasswordPage } from '../../features/auth/new-password-page.tsx'

export const newPasswordLazyRoute = createLazyRoute('/nytt-losenord')({ component: NewPasswordRoute })

function NewPasswordRoute() {
  const { token } = newPasswordLazyRoute.useSearch()
  const navigate = newPasswordLazyRoute.useNavigate()
  return (
    <NewPasswordPage
      token={token}
      onSaved={({ session, username }) => {
        // Signed in as after "Logga in": several pairs and none chosen (or none at all) go to "Gå vidare som:".
        if (session) return navigate({ to: session.active ? '/' : '/valj-roll' })
        // Not signed in after all (the cookie was refused): the username is filled in for "Logga in".
        return navigate({ to: '/logga-in', state: { signInNotice: 'passwordSaved', username } })
      }}
    />
  )
}
