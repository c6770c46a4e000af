import { createRoute, useRouterState } from '@tanstack/react-router'
import { SignInPage } from '../../features/auth/sign-in-page.tsx'
import { safeRedirect } from '../../lib/session.ts'
import { rootRoute } from './root.tsx'

interface SignInSearch {
  /** Where to go after signing in: the page that needed it. */
  redirect?: string | undefined
}

/**
 * The one page whose component comes with the entry rather than lazily: most visits start here, and a lazy
 * chunk would cost a round trip after the entry runs before anything shows.
 */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logga-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => {
    const redirect = safeRedirect(search.redirect)
    return redirect ? { redirect } : {}
  },
  component: SignInRoute,
})

function SignInRoute() {
  const { redirect } = signInRoute.useSearch()
  const navigate = signInRoute.useNavigate()
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
