import { createLazyRoute } from '@tanstack/react-router'
import { OrderWizard } from '../../features/orders/order-wizard.tsx'

export const orderDraftLazyRoute = createLazyRoute('/bestall/utkast/$draftId')({ component: OrderDraftRoute })

function OrderDraftRoute() {
  const { draftId } = orderDraftLazyRoute.useParams()
  const navigate = orderDraftLazyRoute.useNavigate()
  return (
    <OrderWizard
      key={draftId}
      draftId={draftId}
      onLeave={() => void navigate({ to: '/bestall' })}
      onSubmitted={(orderId) => void navigate({ to: '/bestall/skickad/$orderId', params: { orderId } })}
    />
  )
}
