import type { AppRouter } from '@kundnav/api'
import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, type ErrorComponentProps } from '@tanstack/react-router'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { portalInfoQueryOptions, sessionQueryOptions } from '../../lib/api.ts'
import { AppShell, MAIN_ID } from '../layout/app-shell.tsx'
import { ErrorPage } from '../pages/error-page.tsx'
import { NotFoundPage } from '../pages/not-found-page.tsx'

/**
 * What every route's `loader` receives: prefetch with `const trpc = await context.trpc()` and
 * `context.queryClient.prefetchQuery(trpc.…)`. The tRPC client loads after the entry (api.ts).
 */
export interface RouterContext {
  queryClient: QueryClient
  trpc: () => Promise<TRPCOptionsProxy<AppRouter>>
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  // The footer shows the development mailbox link from portal.info on every page.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(portalInfoQueryOptions())
    // The header shows who is signed in, and as what, on every page.
    void context.queryClient.prefetchQuery(sessionQueryOptions())
  },
  component: AppShell,
  notFoundComponent: NotFoundPage,
  // Only reached when the frame itself fails (page errors render inside the frame, see router.tsx), so this
  // one does not render the frame again.
  errorComponent: (props: ErrorComponentProps) => (
    <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-5xl px-4 py-8 text-lg leading-relaxed">
      <ErrorPage {...props} />
    </main>
  ),
})
