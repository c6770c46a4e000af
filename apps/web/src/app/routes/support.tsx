import { createRoute } from '@tanstack/react-router'
import { organizationListOptions, organizationMembersOptions } from '../../features/support/support-query.ts'
import { loadAdminTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface SupportSearch {
  search?: string | undefined
  organization?: string | undefined
}

export const supportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/support',
  // The search and the chosen organisation live in the address (?search=…&organization=…), so the back
  // button goes back to the list.
  validateSearch: (search: Record<string, unknown>): SupportSearch => {
    const text = typeof search.search === 'string' ? search.search.trim() : ''
    const organization = typeof search.organization === 'string' ? search.organization : ''
    return {
      ...(text ? { search: text } : {}),
      ...(ID.test(organization) ? { organization } : {}),
    }
  },
  beforeLoad: requirePermission('provider.support'),
  loaderDeps: ({ search }) => ({ search: search.search, organization: search.organization }),
  loader: async ({ context, deps }) => {
    const texts = loadAdminTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery(organizationListOptions(trpc, deps.search))
    if (deps.organization) {
      void context.queryClient.prefetchQuery(organizationMembersOptions(trpc, deps.organization))
    }
    await texts
  },
}).lazy(() => import('./support.lazy.tsx').then((file) => file.supportLazyRoute))
