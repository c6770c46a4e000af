import { createLazyRoute } from '@tanstack/react-router'
import { CasePage } from '../../features/cases/case-page.tsx'

export const caseDetailsLazyRoute = createLazyRoute('/arenden/$caseId')({ component: CaseDetailsRoute })

function CaseDetailsRoute() {
  const { caseId } = caseDetailsLazyRoute.useParams()
  return <CasePage caseId={caseId} />
}
