import type { AppRouter } from '@kundnav/api'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'

export const MAILBOX_PAGE_SIZE = 20

/** The mailbox list, newest first, one keyset page at a time; shared by the route loader and the page. */
export function mailboxListOptions(trpc: TRPCOptionsProxy<AppRouter>, recipient: string | undefined) {
  return trpc.devMailbox.list.infiniteQueryOptions(
    recipient ? { recipient, limit: MAILBOX_PAGE_SIZE } : { limit: MAILBOX_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  )
}
