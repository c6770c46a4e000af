import { createRoute } from '@tanstack/react-router'
import { isActionPrefix } from '../../features/audit-log/audit-actions.ts'
import {
  type AuditFilter,
  auditListOptions,
  auditPeopleOptions,
} from '../../features/audit-log/audit-query.ts'
import { loadAdminTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

const DAY = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[0-9a-f-]{36}$/i

export const auditLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logg',
  // The filter lives in the address (?person=…&action=member.&from=2026-11-01&to=2026-11-22).
  validateSearch: (search: Record<string, unknown>): AuditFilter => {
    const text = (key: string) => (typeof search[key] === 'string' ? search[key].trim() : '')
    const person = text('person')
    const action = text('action')
    const from = text('from')
    const to = text('to')
    return {
      ...(ID.test(person) ? { person } : {}),
      ...(isActionPrefix(action) ? { action } : {}),
      ...(DAY.test(from) ? { from } : {}),
      ...(DAY.test(to) ? { to } : {}),
    }
  },
  beforeLoad: requirePermission('audit.read'),
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const texts = loadAdminTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(auditListOptions(trpc, deps))
    void context.queryClient.prefetchQuery(auditPeopleOptions(trpc))
    await texts
  },
}).lazy(() => import('./audit-log.lazy.tsx').then((file) => file.auditLogLazyRoute))
