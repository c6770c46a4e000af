import { createLazyRoute } from '@tanstack/react-router'
import { CataloguePage } from '../../features/orders/catalogue-page.tsx'

export const orderLazyRoute = createLazyRoute('/bestall')({ component: OrderRoute })

function OrderRoute() {
  const navigate = orderLazyRoute.useNavigate()
  return (
    <CataloguePage
      onOpenDraft={(draftId) => void navigate({ to: '/bestall/utkast/$draftId', params: { draftId } })}
    />
  )
}
