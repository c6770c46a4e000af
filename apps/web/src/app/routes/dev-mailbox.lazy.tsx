import { createLazyRoute } from '@tanstack/react-router'
import { MailboxPage } from '../../features/dev-mailbox/mailbox-page.tsx'

export const devMailboxLazyRoute = createLazyRoute('/dev/mailbox')({ component: DevMailboxRoute })

function DevMailboxRoute() {
  const { recipient } = devMailboxLazyRoute.useSearch()
  const navigate = devMailboxLazyRoute.useNavigate()
  return (
    <MailboxPage
      recipient={recipient}
      onFilter={(next) => void navigate({ search: next ? { recipient: next } : {} })}
    />
  )
}
