import { createLazyRoute } from '@tanstack/react-router'
import { CaseCreatedPage } from '../../features/cases/case-created-page.tsx'

export const caseCreatedLazyRoute = createLazyRoute('/arenden/skapat/$caseId')({
  component: CaseCreatedRoute,
})

function CaseCreatedRoute() {
  const { caseId } = caseCreatedLazyRoute.useParams()
  return <CaseCreatedPage caseId={caseId} />
}
