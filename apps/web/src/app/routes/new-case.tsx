import { createRoute } from '@tanstack/react-router'
import { loadCaseTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const newCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/arenden/nytt',
  beforeLoad: requirePermission('case.create'),
  loader: () => loadCaseTexts(),
}).lazy(() => import('./new-case.lazy.tsx').then((file) => file.newCaseLazyRoute))
