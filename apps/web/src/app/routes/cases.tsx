import { createRoute } from '@tanstack/react-router'
import { caseListOptions, validateCaseListSearch } from '../../features/cases/case-query.ts'
import { loadCaseTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const casesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/arenden',
  // The view, filters and search live in the address, so they can be linked to and "Tillbaka" undoes them.
  validateSearch: validateCaseListSearch,
  beforeLoad: requirePermission('case.create'),
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const texts = loadCaseTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(caseListOptions(trpc, deps))
    await texts
  },
}).lazy(() => import('./cases.lazy.tsx').then((file) => file.casesLazyRoute))
