import { createLazyRoute } from '@tanstack/react-router'
import { CaseOfficersPage } from '../../features/case-officers/case-officers-page.tsx'

export const caseOfficersLazyRoute = createLazyRoute('/handlaggare')({ component: CaseOfficersPage })
