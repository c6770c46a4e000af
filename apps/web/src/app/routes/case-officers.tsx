import { createRoute } from '@tanstack/react-router'
import { caseOfficerListOptions } from '../../features/case-officers/case-officer-query.ts'
import { loadAdminTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const caseOfficersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/handlaggare',
  beforeLoad: requirePermission('caseOfficer.manage'),
  loader: async ({ context }) => {
    const texts = loadAdminTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(caseOfficerListOptions(trpc))
    await texts
  },
}).lazy(() => import('./case-officers.lazy.tsx').then((file) => file.caseOfficersLazyRoute))
