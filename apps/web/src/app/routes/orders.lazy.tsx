import { createLazyRoute } from '@tanstack/react-router'
import { OrdersPage } from '../../features/orders/orders-page.tsx'

export const ordersLazyRoute = createLazyRoute('/bestallningar')({ component: OrdersRoute })

function OrdersRoute() {
  const { status } = ordersLazyRoute.useSearch()
  const navigate = ordersLazyRoute.useNavigate()
  return (
    <OrdersPage
      status={status}
      onFilter={(next) => void navigate({ search: next ? { status: next } : {} })}
    />
  )
}
