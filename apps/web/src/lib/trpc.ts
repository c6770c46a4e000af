import type { AppRouter } from '@kundnav/api'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import superjson from 'superjson'

/** `useTRPC()` gives the typed options proxy: `useQuery(trpc.portal.info.queryOptions())`. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>()

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/api/trpc',
        transformer: superjson,
        // Bounded batches keep URLs short and one slow procedure from holding many others back.
        maxItems: 10,
        // The server refuses tRPC calls without this header (CSRF protection together with Origin checks).
        headers: { 'x-kundnav-csrf': '1' },
      }),
    ],
  })
}

export type TrpcClient = ReturnType<typeof createTrpcClient>
