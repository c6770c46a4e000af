import { createLazyRoute } from '@tanstack/react-router'
import { OrderPage } from '../../features/orders/order-page.tsx'

export const orderDetailsLazyRoute = createLazyRoute('/bestallningar/$orderId')({
  component: OrderDetailsRoute,
})

function OrderDetailsRoute() {
  const { orderId } = orderDetailsLazyRoute.useParams()
  const { from, ...listSearch } = orderDetailsLazyRoute.useSearch()
  return <OrderPage orderId={orderId} from={from} listSearch={listSearch} />
}
