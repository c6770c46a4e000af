import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

type Outputs = inferRouterOutputs<AppRouter>

export type SupportCaseRow = Outputs['supportCase']['queue']['rows'][number]
export type SupportCaseView = Outputs['case']['get']
export type CaseStatus = SupportCaseRow['status']

export const SUPPORT_QUEUE_PAGE_SIZE = 25

/** The statuses the queue filters by, in the order a case goes through them. */
export const CASE_STATUS_FILTERS: readonly CaseStatus[] = ['RECEIVED', 'IN_PROGRESS', 'CLOSED']

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const AREA_KEY = /^[A-Z][A-Z0-9_]{0,39}$/

/**
 * What "Ärenden" shows: the open cases (no status) or those of one status; of one area or all; of one
 * organisation or all; and, when searched, the case of a number ("2026-000123") or words of the subject.
 */
export interface SupportCaseFilter {
  status?: CaseStatus | undefined
  area?: string | undefined
  organizationId?: string | undefined
  search?: string | undefined
}

/** The filter as the address says it (?status=…&area=…&organization=…), so it can be linked to and "Tillbaka" undoes it. */
export interface SupportCaseSearch {
  status?: CaseStatus | undefined
  area?: string | undefined
  organization?: string | undefined
  search?: string | undefined
}

/** Reads the address without the schemas (the route file stays in the first bundle); the server checks the area. */
export function validateSupportCaseSearch(search: Record<string, unknown>): SupportCaseSearch {
  const status = CASE_STATUS_FILTERS.find((one) => one === search.status)
  const text = typeof search.search === 'string' ? search.search.trim().slice(0, 200) : ''
  return {
    ...(status ? { status } : {}),
    ...(typeof search.area === 'string' && AREA_KEY.test(search.area) ? { area: search.area } : {}),
    ...(typeof search.organization === 'string' && ID.test(search.organization)
      ? { organization: search.organization }
      : {}),
    ...(text ? { search: text } : {}),
  }
}

export function filterOf(search: SupportCaseSearch): SupportCaseFilter {
  return {
    status: search.status,
    area: search.area,
    organizationId: search.organization,
    search: search.search,
  }
}

export function searchOf(filter: SupportCaseFilter): SupportCaseSearch {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.area ? { area: filter.area } : {}),
    ...(filter.organizationId ? { organization: filter.organizationId } : {}),
    ...(filter.search ? { search: filter.search } : {}),
  }
}

/** "Ärenden", the longest waiting first, one keyset page at a time; shared by the route loader and the page. */
export function supportQueueOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: SupportCaseFilter) {
  return trpc.supportCase.queue.infiniteQueryOptions(
    {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.area ? { area: filter.area } : {}),
      ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      ...(filter.search ? { search: filter.search } : {}),
      limit: SUPPORT_QUEUE_PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor },
  )
}

/** The organisations with cases, for the queue's filter. */
export function supportQueueOrganizationsOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.supportCase.organizations.queryOptions()
}

/** One case, as the support's case page shows it. */
export function supportCaseOptions(trpc: TRPCOptionsProxy<AppRouter>, caseId: string) {
  return trpc.case.get.queryOptions({ caseId })
}
