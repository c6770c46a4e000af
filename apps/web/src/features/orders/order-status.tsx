import { useTranslation } from 'react-i18next'
import type { OrderStatus } from '../../lib/order-status.ts'

const COLOURS: Record<OrderStatus, string> = {
  SUBMITTED: 'bg-[#d2e2f1] text-[#0b2e53]',
  COMPLETED: 'bg-[#d4edda] text-[#14532d]',
  REJECTED: 'bg-[#f8d7da] text-[#7f1d1d]',
  CANCELLED: 'bg-[#f8d7da] text-[#7f1d1d]',
  WITHDRAWN: 'bg-[#e5e7eb] text-[#1f2937]',
}

/** An order's status as text with a colour behind it (never colour alone). */
export function OrderStatusText({ status }: { status: OrderStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`inline-block px-2 font-semibold ${COLOURS[status]}`}>
      {t(`orders.statuses.${status}`)}
    </span>
  )
}
