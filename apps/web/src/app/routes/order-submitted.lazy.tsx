import { createLazyRoute } from '@tanstack/react-router'
import { OrderSubmittedPage } from '../../features/orders/order-submitted-page.tsx'

export const orderSubmittedLazyRoute = createLazyRoute('/bestall/skickad/$orderId')({
  component: OrderSubmittedRoute,
})

function OrderSubmittedRoute() {
  const { orderId } = orderSubmittedLazyRoute.useParams()
  return <OrderSubmittedPage orderId={orderId} />
}
