import { createRoute } from '@tanstack/react-router'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { rootRoute } from './root.tsx'

/**
 * The mailed signing link, "/attestera/<token>": public, as its token is the credential; it works without a
 * session and acts as the link's person whoever is signed in (the server's `signing.*`).
 */
export const signOrderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/attestera/$token',
  loader: async ({ context, params }) => {
    const texts = loadOrderTexts()
    const trpc = await context.trpc()
    void context.queryClient.prefetchQuery({
      ...trpc.signing.open.queryOptions({ token: params.token }),
      retry: false,
    })
    await texts
  },
}).lazy(() => import('./sign-order.lazy.tsx').then((file) => file.signOrderLazyRoute))
