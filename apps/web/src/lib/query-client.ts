import { QueryClient } from '@tanstack/react-query'
import { trpcHttpStatus } from './trpc-error.ts'

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer (not found, forbidden, bad input) will not change by asking again; network and
        // server errors might.
        retry: (failureCount, error) => {
          const status = trpcHttpStatus(error)
          if (status !== null && status >= 400 && status < 500) return false
          return failureCount < 2
        },
      },
    },
  })
}

/** The app's one query client: the page's queries, and the tRPC options proxy's (trpc.ts). */
export const queryClient = createQueryClient()
