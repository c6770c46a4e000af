import { createLazyRoute } from '@tanstack/react-router'
import { filterOf, searchOf } from '../../features/support-cases/support-case-query.ts'
import { SupportCaseQueuePage } from '../../features/support-cases/support-case-queue-page.tsx'

export const supportCasesLazyRoute = createLazyRoute('/support/arenden')({ component: SupportCasesRoute })

function SupportCasesRoute() {
  const search = supportCasesLazyRoute.useSearch()
  const navigate = supportCasesLazyRoute.useNavigate()
  return (
    <SupportCaseQueuePage
      filter={filterOf(search)}
      onFilter={(next) => void navigate({ search: searchOf(next) })}
    />
  )
}
