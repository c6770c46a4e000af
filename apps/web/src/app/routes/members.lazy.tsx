import { createLazyRoute } from '@tanstack/react-router'
import { MembersPage } from '../../features/members/members-page.tsx'

export const membersLazyRoute = createLazyRoute('/medlemmar')({ component: MembersRoute })

function MembersRoute() {
  const { search } = membersLazyRoute.useSearch()
  const navigate = membersLazyRoute.useNavigate()
  return (
    <MembersPage
      search={search}
      onSearch={(next) => void navigate({ search: next ? { search: next } : {} })}
    />
  )
}
