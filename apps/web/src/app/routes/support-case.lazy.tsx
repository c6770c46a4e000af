import { createLazyRoute } from '@tanstack/react-router'
import { SupportCasePage } from '../../features/support-cases/support-case-page.tsx'

export const supportCaseLazyRoute = createLazyRoute('/support/arenden/$caseId')({
  component: SupportCaseRoute,
})

function SupportCaseRoute() {
  const { caseId } = supportCaseLazyRoute.useParams()
  const listSearch = supportCaseLazyRoute.useSearch()
  // The case changes with the address: a new case starts its page over (its forms, its messages).
  return <SupportCasePage key={caseId} caseId={caseId} listSearch={listSearch} />
}
