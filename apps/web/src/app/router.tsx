import { createRouter } from '@tanstack/react-router'
import { ErrorPage } from './pages/error-page.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { devMailboxRoute } from './routes/dev-mailbox.tsx'
import { type RouterContext, rootRoute } from './routes/root.tsx'
import { startRoute } from './routes/start.tsx'

/** Code-based routes: to add a page, create `routes/<name>.tsx` with `createRoute` and list it here. */
const routeTree = rootRoute.addChildren([startRoute, devMailboxRoute])

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
