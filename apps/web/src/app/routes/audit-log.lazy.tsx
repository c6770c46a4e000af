import { createLazyRoute } from '@tanstack/react-router'
import { AuditLogPage } from '../../features/audit-log/audit-log-page.tsx'
import type { AuditFilter } from '../../features/audit-log/audit-query.ts'

export const auditLogLazyRoute = createLazyRoute('/logg')({ component: AuditLogRoute })

function AuditLogRoute() {
  const filter = auditLogLazyRoute.useSearch()
  const navigate = auditLogLazyRoute.useNavigate()
  return <AuditLogPage filter={filter} onFilter={(next) => void navigate({ search: withoutEmpty(next) })} />
}

function withoutEmpty(filter: AuditFilter): AuditFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as AuditFilter
}
