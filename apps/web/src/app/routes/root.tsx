import type { AppRouter } from '@kundnav/api'
import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, type ErrorComponentProps } from '@tanstack/react-router'
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { AppShell, MAIN_ID } from '../layout/app-shell.tsx'
import { ErrorPage } from '../pages/error-page.tsx'
import { NotFoundPage } from '../pages/not-found-page.tsx'

/** What every route's `loader` receives: prefetch with `context.queryClient.prefetchQuery(context.trpc.…)`. */
export interface RouterContext {
  queryClient: QueryClient
  trpc: TRPCOptionsProxy<AppRouter>
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  // The footer shows the development mailbox link from portal.info on every page.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.portal.info.queryOptions())
    // The header shows who is signed in, and as what, on every page.
    void context.queryClient.prefetchQuery(context.trpc.session.get.queryOptions())
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
