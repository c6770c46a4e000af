import { createRoute } from '@tanstack/react-router'
import { loadCaseTexts, loadSupportCaseTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const phoneCaseRoute = createRoute({
  getParentRoute: () => rootRoute,
  // A fixed segment: it wins over /support/arenden/$caseId.
  path: '/support/arenden/telefonarende',
  beforeLoad: requirePermission('provider.support'),
  // Its own texts, and the reporter side's for the topics' and files' fields.
  loader: async () => {
    await Promise.all([loadSupportCaseTexts(), loadCaseTexts()])
  },
}).lazy(() => import('./phone-case.lazy.tsx').then((file) => file.phoneCaseLazyRoute))
