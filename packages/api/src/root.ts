import { agentOrderRouter } from './routers/agent-order.ts'
import { auditRouter } from './routers/audit.ts'
import { authRouter } from './routers/auth.ts'
import { caseRouter, caseSettingsRouter } from './routers/case.ts'
import { caseFileRouter } from './routers/case-file.ts'
import { caseLiveRouter } from './routers/case-live.ts'
import { caseOfficerRouter } from './routers/case-officer.ts'
import { catalogueRouter } from './routers/catalogue.ts'
import { devMailboxRouter } from './routers/dev-mailbox.ts'
import { invitationRouter } from './routers/invitation.ts'
import { meRouter } from './routers/me.ts'
import { memberRouter } from './routers/member.ts'
import { orderDraftRouter, orderRouter } from './routers/order.ts'
import { portalRouter } from './routers/portal.ts'
import { reviewRouter } from './routers/review.ts'
import { sessionRouter } from './routers/session.ts'
import { signingRouter } from './routers/signing.ts'
import { stepUpRouter } from './routers/step-up.ts'
import { supportRouter } from './routers/support.ts'
import { supportCaseRouter } from './routers/support-case.ts'
import { createCallerFactory, router } from './trpc.ts'

export const appRouter = router({
  portal: portalRouter,
  devMailbox: devMailboxRouter,
  auth: authRouter,
  session: sessionRouter,
  me: meRouter,
  stepUp: stepUpRouter,
  member: memberRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  caseOfficer: caseOfficerRouter,
  support: supportRouter,
  catalogue: catalogueRouter,
  orderDraft: orderDraftRouter,
  order: orderRouter,
  agentOrder: agentOrderRouter,
  review: reviewRouter,
  signing: signingRouter,
  case: caseRouter,
  caseSettings: caseSettingsRouter,
  caseFile: caseFileRouter,
  supportCase: supportCaseRouter,
  caseLive: caseLiveRouter,
})

export type AppRouter = typeof appRouter

export const createCaller = createCallerFactory(appRouter)
