import { createRoute } from '@tanstack/react-router'
import { loadOrderTexts } from '../../i18n/i18n.ts'
import { requirePermission } from '../route-guards.ts'
import { rootRoute } from './root.tsx'

export const orderDraftRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bestall/utkast/$draftId',
  beforeLoad: requirePermission('order.create'),
  loader: async ({ context, params }) => {
    const texts = loadOrderTexts()
    const trpc = await context.trpc()
    const { queryClient } = context
    // The draft names its offering: fetch that as soon as the draft is here, without holding the page.
    void queryClient
      .ensureQueryData(trpc.orderDraft.get.queryOptions({ draftId: params.draftId }))
      .then((draft) =>
        queryClient.prefetchQuery(trpc.catalogue.offering.queryOptions({ offeringId: draft.offeringId })),
      )
      .catch(() => undefined)
    void queryClient.prefetchQuery(trpc.order.invoiceAddresses.queryOptions())
    void queryClient.prefetchQuery(trpc.order.attesters.queryOptions())
    await texts
  },
}).lazy(() => import('./order-draft.lazy.tsx').then((file) => file.orderDraftLazyRoute))
