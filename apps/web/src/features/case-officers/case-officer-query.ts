import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

export type CaseOfficer = inferRouterOutputs<AppRouter>['caseOfficer']['list']['internal'][number]

export type CaseOfficerKind = 'internal' | 'external'

/** Handläggare inside and outside the organisation; shared by the route loader and the page. */
export function caseOfficerListOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.caseOfficer.list.queryOptions()
}
