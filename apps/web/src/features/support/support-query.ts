import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

type SupportOutputs = inferRouterOutputs<AppRouter>['support']

export type CustomerOrganization = SupportOutputs['organizations'][number]
export type CustomerMember = SupportOutputs['members'][number]

/** Customer organisations matching the search (all when none), by name; shared by the route loader and the page. */
export function organizationListOptions(trpc: TRPCOptionsProxy<AppRouter>, search: string | undefined) {
  return trpc.support.organizations.queryOptions({ search: search ?? '' })
}

/** The people of one customer organisation, with their roles; shared by the route loader and the page. */
export function organizationMembersOptions(trpc: TRPCOptionsProxy<AppRouter>, organizationId: string) {
  return trpc.support.members.queryOptions({ organizationId })
}
