import { createLazyRoute } from '@tanstack/react-router'
import { OrderPage } from '../../features/orders/order-page.tsx'

export const orderDetailsLazyRoute = createLazyRoute('/bestallningar/$orderId')({
  component: OrderDetailsRoute,
})

function OrderDetailsRoute() {
  const { orderId } = orderDetailsLazyRoute.useParams()
  return <OrderPage orderId={orderId} />
}
