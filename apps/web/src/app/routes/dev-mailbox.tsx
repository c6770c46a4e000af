import { createRoute } from '@tanstack/react-router'
import { MailboxPage } from '../../features/dev-mailbox/mailbox-page.tsx'
import { mailboxListOptions } from '../../features/dev-mailbox/mailbox-query.ts'
import { rootRoute } from './root.tsx'

interface MailboxSearch {
  recipient?: string | undefined
}

export const devMailboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dev/mailbox',
  // The recipient filter lives in the address (?recipient=…), so a filtered list can be linked to.
  validateSearch: (search: Record<string, unknown>): MailboxSearch => {
    const recipient = typeof search.recipient === 'string' ? search.recipient.trim() : ''
    return recipient ? { recipient } : {}
  },
  loaderDeps: ({ search }) => ({ recipient: search.recipient }),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(mailboxListOptions(context.trpc, deps.recipient))
  },
  component: DevMailboxRoute,
})

function DevMailboxRoute() {
  const { recipient } = devMailboxRoute.useSearch()
  const navigate = devMailboxRoute.useNavigate()
  return (
    <MailboxPage
      recipient={recipient}
      onFilter={(next) => void navigate({ search: next ? { recipient: next } : {} })}
    />
  )
}
