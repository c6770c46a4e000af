import { createRoute } from '@tanstack/react-router'
import { requirePermission } from '../route-guards.ts'
import { loadCasePage } from './case-details.tsx'
import { rootRoute } from './root.tsx'

export const caseCreatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/arenden/skapat/$caseId',
  beforeLoad: requirePermission('case.create'),
  loader: loadCasePage,
}).lazy(() => import('./case-created.lazy.tsx').then((file) => file.caseCreatedLazyRoute))
