import { createRoute } from '@tanstack/react-router'
import { caseOfficerListOptions } from '../../features/case-officers/case-officer-query.ts'
import { CaseOfficersPage } from '../../features/case-officers/case-officers-page.tsx'
import { rootRoute } from './root.tsx'

export const caseOfficersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/handlaggare',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(caseOfficerListOptions(context.trpc))
  },
  component: CaseOfficersPage,
})
