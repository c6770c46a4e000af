import { createRoute } from '@tanstack/react-router'
import { memberListOptions } from '../../features/members/member-query.ts'
import { loadAdminTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

interface MembersSearch {
  search?: string | undefined
}

export const membersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/medlemmar',
  // The search lives in the address (?search=…), so a search can be linked to and the back button undoes it.
  validateSearch: (search: Record<string, unknown>): MembersSearch => {
    const text = typeof search.search === 'string' ? search.search.trim() : ''
    return text ? { search: text } : {}
  },
  beforeLoad: requirePermission('member.read'),
  loaderDeps: ({ search }) => ({ search: search.search }),
  loader: async ({ context, deps }) => {
    const texts = loadAdminTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(memberListOptions(trpc, deps.search))
    await texts
  },
}).lazy(() => import('./members.lazy.tsx').then((file) => file.membersLazyRoute))
