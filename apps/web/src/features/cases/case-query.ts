import type { AppRouter } from '@kundnav/api'
import type { CaseStatus } from '@kundnav/schemas'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

type Outputs = inferRouterOutputs<AppRouter>

export type CaseRow = Outputs['case']['list']['rows'][number]
export type CaseView = Outputs['case']['get']
export type CaseMessage = CaseView['messages'][number]
export type CaseFileRef = CaseView['files'][number]

export const CASE_PAGE_SIZE = 25

/** What "Mina ärenden" is filtered by; each lives in the address (`/arenden?status=CLOSED&area=LON`). */
export interface CaseListFilter {
  scope?: 'mine' | 'organization' | undefined
  status?: CaseStatus | undefined
  area?: string | undefined
  search?: string | undefined
}

/** "Mina ärenden", newest first, one keyset page at a time; shared by the route loader and the page. */
export function caseListOptions(trpc: TRPCOptionsProxy<AppRouter>, filter: CaseListFilter) {
  const input = {
    scope: filter.scope ?? 'mine',
    limit: CASE_PAGE_SIZE,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.area ? { area: filter.area } : {}),
    ...(filter.search ? { search: filter.search } : {}),
  }
  return trpc.case.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor })
}

/**
 * The statuses "Mina ärenden" filters by, in the order a case goes through them. A record over the API's
 * type, so a status added there fails the typecheck here; routes validate their addresses with it without
 * loading the schemas (zod).
 */
const STATUS_ORDER: Record<CaseStatus, number> = { RECEIVED: 0, IN_PROGRESS: 1, CLOSED: 2 }
export const CASE_STATUS_FILTERS = (Object.keys(STATUS_ORDER) as CaseStatus[]).sort(
  (a, b) => STATUS_ORDER[a] - STATUS_ORDER[b],
)

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && Object.hasOwn(STATUS_ORDER, value)
}

/** `/arenden?scope=organization&status=CLOSED&area=LON&search=…` as the page reads it; anything else is dropped. */
export function validateCaseListSearch(search: Record<string, unknown>): CaseListFilter {
  const text = typeof search.search === 'string' ? search.search.trim().slice(0, 200) : ''
  return {
    ...(search.scope === 'organization' ? { scope: 'organization' as const } : {}),
    ...(isCaseStatus(search.status) ? { status: search.status } : {}),
    ...(typeof search.area === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(search.area)
      ? { area: search.area }
      : {}),
    ...(text ? { search: text } : {}),
  }
}
