import { createLazyRoute, useRouterState } from '@tanstack/react-router'
import { SignInPage } from '../../features/auth/sign-in-page.tsx'

export const signInLazyRoute = createLazyRoute('/logga-in')({ component: SignInRoute })

function SignInRoute() {
  const { redirect } = signInLazyRoute.useSearch()
  const navigate = signInLazyRoute.useNavigate()
  // Set by in-app navigation only (a new password, logging out, the idle timeout), never by the address.
  const state = useRouterState({ select: (s) => s.location.state })
  return (
    <SignInPage
      notice={state.signInNotice}
      idleMinutes={state.idleMinutes}
      username={state.username}
      needsSignIn={redirect !== undefined}
      onSignedIn={(session) => {
        // Several pairs and none chosen (or none at all): "Gå vidare som:" first.
        if (session && !session.active) {
          void navigate({ to: '/valj-roll', search: redirect ? { redirect } : {} })
        } else {
          void navigate({ href: redirect ?? '/' })
        }
      }}
    />
  )
}
