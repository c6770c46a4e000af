import { createRouter } from '@tanstack/react-router'
import { ErrorPage } from './pages/error-page.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { auditLogRoute } from './routes/audit-log.tsx'
import { caseOfficersRoute } from './routes/case-officers.tsx'
import { chooseRoleRoute } from './routes/choose-role.tsx'
import { devMailboxRoute } from './routes/dev-mailbox.tsx'
import { forgotPasswordRoute } from './routes/forgot-password.tsx'
import { membersRoute } from './routes/members.tsx'
import { myDetailsRoute } from './routes/my-details.tsx'
import { mySessionsRoute } from './routes/my-sessions.tsx'
import { newPasswordRoute } from './routes/new-password.tsx'
import { type RouterContext, rootRoute } from './routes/root.tsx'
import { signInRoute } from './routes/sign-in.tsx'
import { startRoute } from './routes/start.tsx'

/** Code-based routes: to add a page, create `routes/<name>.tsx` with `createRoute` and list it here. */
const routeTree = rootRoute.addChildren([
  startRoute,
  devMailboxRoute,
  membersRoute,
  auditLogRoute,
  caseOfficersRoute,
  signInRoute,
  forgotPasswordRoute,
  newPasswordRoute,
  chooseRoleRoute,
  myDetailsRoute,
  mySessionsRoute,
])

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
