import { createLazyRoute } from '@tanstack/react-router'
import { CasesPage } from '../../features/cases/cases-page.tsx'

export const casesLazyRoute = createLazyRoute('/arenden')({ component: CasesRoute })

function CasesRoute() {
  const filter = casesLazyRoute.useSearch()
  const navigate = casesLazyRoute.useNavigate()
  return <CasesPage filter={filter} onFilter={(next) => void navigate({ search: next })} />
}
