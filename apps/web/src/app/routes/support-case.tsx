import { createRoute } from '@tanstack/react-router'
import {
  supportCaseOptions,
  validateSupportCaseSearch,
} from '../../features/support-cases/support-case-query.ts'
import { loadCaseTexts, loadSupportCaseTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const supportCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  // The address support's mails link to (packages/api services/cases.ts, caseLink).
  path: '/support/arenden/$caseId',
  // The queue's filter, so "Tillbaka till Ärenden" goes back to the list as it was.
  validateSearch: validateSupportCaseSearch,
  beforeLoad: requirePermission('provider.support'),
  loader: async ({ context, params }) => {
    // Its own texts, and the reporter side's, whose parts show the case.
    const texts = Promise.all([loadSupportCaseTexts(), loadCaseTexts()])
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(supportCaseOptions(trpc, params.caseId))
    await texts
  },
}).lazy(() => import('./support-case.lazy.tsx').then((file) => file.supportCaseLazyRoute))
