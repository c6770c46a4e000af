import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isLanguage } from '../i18n/i18n.ts'
import type { Instant } from '../lib/format-date.ts'
import { asDate, formatDateTime } from '../lib/format-date.ts'
import type { OrderStatus } from '../lib/order-status.ts'
import type { OrderPageSearch } from '../lib/queue-search.ts'
import { describeWaited } from '../lib/waited.ts'

/** What a queue's row shows of an order (the agent's and the reviewers' rows have these in common). */
export interface QueueOrder {
  id: string
  number: string
  organizationName: string
  submittedByName: string | null
  offeringName: { sv: string; en: string }
  serviceName: { sv: string; en: string }
  submittedAt: Instant
  status: OrderStatus
  stateSince: Instant
  nextActor: { name: string } | null
}

/** The order's number as the row's header, opening the order; `backHere` leads back to the queue as filtered. */
export function OrderNumberCell({ order, backHere }: { order: QueueOrder; backHere: OrderPageSearch }) {
  return (
    <th scope="row" className="py-3 pr-4 font-normal">
      <Link
        to="/bestallningar/$orderId"
        params={{ orderId: order.id }}
        search={backHere}
        className="whitespace-nowrap font-semibold"
      >
        {order.number}
      </Link>
    </th>
  )
}

/**
 * A queue row's cells after the number: the organisation and who submitted, the offering and its service,
 * when submitted, and how long it has waited; or, with `showState` (every order), where it is and for whom.
 */
export function OrderQueueCells({ order, showState }: { order: QueueOrder; showState: boolean }) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  return (
    <>
      <td className="py-3 pr-4">
        <span className="block">{order.organizationName}</span>
        {order.submittedByName ? (
          <span className="block text-ink-muted">
            {t('queues.submittedBy', { name: order.submittedByName })}
          </span>
        ) : null}
      </td>
      <td className="py-3 pr-4">
        <span className="block">{order.offeringName[language]}</span>
        <span className="block text-ink-muted">{order.serviceName[language]}</span>
      </td>
      <td className="py-3 pr-4">
        <time dateTime={asDate(order.submittedAt).toISOString()}>
          {formatDateTime(order.submittedAt, language)}
        </time>
      </td>
      <td className="py-3">
        {showState ? (
          <>
            <span className="block font-semibold">{t(`queues.statuses.${order.status}`)}</span>
            {order.nextActor ? (
              <span className="block">{t('queues.waitingFor', { name: order.nextActor.name })}</span>
            ) : null}
          </>
        ) : (
          <>
            <time className="block" dateTime={asDate(order.stateSince).toISOString()}>
              {formatDateTime(order.stateSince, language)}
            </time>
            <span className="block text-ink-muted">
              {t('queues.waitedFor', { duration: describeWaited(t, order.stateSince) })}
            </span>
          </>
        )}
      </td>
    </>
  )
}
