import { createRoute } from '@tanstack/react-router'
import { loadCaseTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { type RouterContext, rootRoute } from './root.tsx'

/** The loader of a page showing one case (here and the confirmation): its texts, and the case fetched meanwhile. */
export async function loadCasePage({
  context,
  params,
}: {
  context: RouterContext
  params: { caseId: string }
}): Promise<void> {
  const texts = loadCaseTexts()
  const trpc = await context.trpc()
  void context.queryClient.prefetchQuery(trpc.case.get.queryOptions({ caseId: params.caseId }))
  await texts
}

export const caseDetailsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/arenden/$caseId',
  beforeLoad: requirePermission('case.read'),
  loader: loadCasePage,
}).lazy(() => import('./case-details.lazy.tsx').then((file) => file.caseDetailsLazyRoute))
