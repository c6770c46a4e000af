import { createRoute } from '@tanstack/react-router'
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
  loader: async ({ context, deps }) => {
    const trpc = await context.trpc()
    void context.queryClient.prefetchInfiniteQuery(mailboxListOptions(trpc, deps.recipient))
  },
}).lazy(() => import('./dev-mailbox.lazy.tsx').then((file) => file.devMailboxLazyRoute))
