import { createRoute } from '@tanstack/react-router'
import {
  filterOf,
  supportQueueOptions,
  supportQueueOrganizationsOptions,
  validateSupportCaseSearch,
} from '../../features/support-cases/support-case-query.ts'
import { loadCaseTexts, loadQueueTexts, loadSupportCaseTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const supportCasesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/support/arenden',
  // The filter lives in the address (?status=…&area=…&organization=…&search=…), so it can be linked to and
  // "Tillbaka" undoes it; a case opened from the list leads back to it as it was.
  validateSearch: validateSupportCaseSearch,
  beforeLoad: requirePermission('provider.support'),
  loaderDeps: ({ search }) => ({
    status: search.status,
    area: search.area,
    organization: search.organization,
    search: search.search,
  }),
  loader: async ({ context, deps }) => {
    // The queue's own texts, the reporter side's (statuses, "Mottaget per telefon") and the order queues'
    // words for how long something has waited.
    const texts = Promise.all([loadSupportCaseTexts(), loadCaseTexts(), loadQueueTexts()])
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(supportQueueOptions(trpc, filterOf(deps)))
    void context.queryClient.prefetchQuery(supportQueueOrganizationsOptions(trpc))
    await texts
  },
}).lazy(() => import('./support-cases.lazy.tsx').then((file) => file.supportCasesLazyRoute))
