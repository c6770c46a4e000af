import { createRouter } from '@tanstack/react-router'
import { ErrorPage } from './pages/error-page.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { agentOrdersRoute } from './routes/agent-orders.tsx'
import { auditLogRoute } from './routes/audit-log.tsx'
import { caseCreatedRoute } from './routes/case-created.tsx'
import { caseDetailsRoute } from './routes/case-details.tsx'
import { caseOfficersRoute } from './routes/case-officers.tsx'
import { casesRoute } from './routes/cases.tsx'
import { chooseRoleRoute } from './routes/choose-role.tsx'
import { devMailboxRoute } from './routes/dev-mailbox.tsx'
import { forgotPasswordRoute } from './routes/forgot-password.tsx'
import { invitationsRoute } from './routes/invitations.tsx'
import { membersRoute } from './routes/members.tsx'
import { myDetailsRoute } from './routes/my-details.tsx'
import { mySessionsRoute } from './routes/my-sessions.tsx'
import { newCaseRoute } from './routes/new-case.tsx'
import { newPasswordRoute } from './routes/new-password.tsx'
import { orderRoute } from './routes/order.tsx'
import { orderDetailsRoute } from './routes/order-details.tsx'
import { orderDraftRoute } from './routes/order-draft.tsx'
import { orderSubmittedRoute } from './routes/order-submitted.tsx'
import { ordersRoute } from './routes/orders.tsx'
import { phoneCaseRoute } from './routes/phone-case.tsx'
import { pricesAndTermsRoute } from './routes/prices-and-terms.tsx'
import { reviewQueueRoute } from './routes/review-queue.tsx'
import { type RouterContext, rootRoute } from './routes/root.tsx'
import { signInRoute } from './routes/sign-in.tsx'
import { signOrderRoute } from './routes/sign-order.tsx'
import { startRoute } from './routes/start.tsx'
import { supportRoute } from './routes/support.tsx'
import { supportCaseRoute } from './routes/support-case.tsx'
import { supportCasesRoute } from './routes/support-cases.tsx'

/**
 * Code-based routes: to add a page, create `routes/<name>.tsx` with `createRoute` (path, search, guard,
 * loader) and `routes/<name>.lazy.tsx` with its component, and list the route here. The components load
 * on demand, so signing in doesn't download every page.
 */
const routeTree = rootRoute.addChildren([
  startRoute,
  devMailboxRoute,
  membersRoute,
  auditLogRoute,
  caseOfficersRoute,
  supportRoute,
  supportCasesRoute,
  phoneCaseRoute,
  supportCaseRoute,
  orderRoute,
  orderDraftRoute,
  orderSubmittedRoute,
  ordersRoute,
  orderDetailsRoute,
  pricesAndTermsRoute,
  agentOrdersRoute,
  reviewQueueRoute,
  casesRoute,
  newCaseRoute,
  caseCreatedRoute,
  caseDetailsRoute,
  signInRoute,
  signOrderRoute,
  forgotPasswordRoute,
  newPasswordRoute,
  chooseRoleRoute,
  myDetailsRoute,
  mySessionsRoute,
  invitationsRoute,
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
