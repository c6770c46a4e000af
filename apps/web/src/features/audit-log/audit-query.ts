import type { AppRouter } from '@kundnav/api'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { endOfStockholmDay, startOfStockholmDay } from '../../lib/stockholm-day.ts'
import type { ActionPrefix } from './audit-actions.ts'

export const AUDIT_PAGE_SIZE = 50

export type AuditEvent = inferRouterOutputs<AppRouter>['audit']['list']['items'][number]

/** The log's filter as the address carries it: dates are Swedish calendar days (`yyyy-mm-dd`), inclusive. */
export interface AuditFilter {
  person?: string | undefined
  action?: ActionPrefix | undefined
  from?: string | undefined
  to?: string | undefined
}

type AuditListInput = Omit<inferRouterInputs<AppRouter>['audit']['list'], 'cursor'>

/** The filter as `audit.list` takes it: "till och med 22 nov." means before 23 nov. 00:00 Swedish time. */
export function auditListInput(filter: AuditFilter): AuditListInput {
  const from = filter.from ? startOfStockholmDay(filter.from) : null
  const to = filter.to ? endOfStockholmDay(filter.to) : null
  return {
    limit: AUDIT_PAGE_SIZE,
    ...(filter.person ? { actorUserId: filter.person } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  }
}

/** The log, newest first, one keyset page at a time; shared by the route loader and the page. */
export function auditListOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: AuditFilter) {
  return trpc.audit.list.infiniteQueryOptions(auditListInput(filter), {
    getNextPageParam: (page) => page.nextCursor,
  })
}

/** The people to filter by: the organisation's members (the first hundred, by name). */
export function auditPeopleOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.member.list.queryOptions({ limit: 100 })
}
