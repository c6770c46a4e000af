import { createLazyRoute } from '@tanstack/react-router'
import { SupportPage } from '../../features/support/support-page.tsx'

export const supportLazyRoute = createLazyRoute('/support')({ component: SupportRoute })

function SupportRoute() {
  const { search, organization } = supportLazyRoute.useSearch()
  const navigate = supportLazyRoute.useNavigate()
  return (
    <SupportPage
      search={search}
      organizationId={organization}
      onSearch={(next) => void navigate({ search: next ? { search: next } : {} })}
      onChoose={(id) => void navigate({ search: (previous) => ({ ...previous, organization: id }) })}
    />
  )
}
