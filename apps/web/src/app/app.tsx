import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useState } from 'react'
import { loadTrpc } from '../lib/api.ts'
import { queryClient } from '../lib/query-client.ts'
import { createAppRouter } from './router.tsx'

function createApp() {
  // Route loaders get the same options proxy as `useTRPC()` in components, once it has loaded.
  return createAppRouter({ queryClient, trpc: () => loadTrpc().then((module) => module.trpc) })
}

export function App() {
  const [router] = useState(createApp)
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  )
}
