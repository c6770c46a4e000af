import type { AppRouter } from '@kundnav/api'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { useState } from 'react'
import { createQueryClient } from '../lib/query-client.ts'
import { createTrpcClient, TRPCProvider } from '../lib/trpc.ts'
import { createAppRouter } from './router.tsx'

function createApp() {
  const queryClient = createQueryClient()
  const trpcClient = createTrpcClient()
  // The same client behind `useTRPC()` in components and `context.trpc` in route loaders.
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient })
  const router = createAppRouter({ queryClient, trpc })
  return { queryClient, trpcClient, router }
}

export function App() {
  const [{ queryClient, trpcClient, router }] = useState(createApp)
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  )
}
