import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import type { OrderFrom, QueueSearch } from '../../lib/queue-search.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { hasOrderActions, OrderActions } from './order-actions.tsx'
import { OrderContent } from './order-content.tsx'
import { OrderProgress, OrderTimeline } from './order-progress.tsx'
import type { Order } from './order-query.ts'

/**
 * One order, for its organisation, its agent and the provider's reviewers: where it is in its chain and
 * who it waits for, what the viewer may do now, everything that was ordered, and its timeline. The way
 * back leads to the list it was opened from (`from`, with that list's filter), else Mina beställningar.
 */
export function OrderPage({
  orderId,
  from,
  listSearch = {},
}: {
  orderId: string
  from?: OrderFrom | undefined
  listSearch?: QueueSearch
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const order = useQuery(trpc.order.get.queryOptions({ orderId }))

  if (order.isError && trpcAppCode(order.error) === 'ORDER_NOT_FOUND') {
    return (
      <>
        <PageHeading>{t('orders.title')}</PageHeading>
        <Alert tone="notice">
          <p>{t('order.notFound')}</p>
          <p>
            <BackLink from={from} listSearch={listSearch} />
          </p>
        </Alert>
      </>
    )
  }
  if (!order.data) {
    return (
      <>
        <PageHeading>{t('orders.title')}</PageHeading>
        {order.isPending ? (
          <Skeleton label={t('order.loading')} lines={8} />
        ) : (
          <LoadProblem error={order.error} onRetry={() => void order.refetch()} />
        )}
      </>
    )
  }
  return <OrderDetails order={order.data} back={<BackLink from={from} listSearch={listSearch} />} />
}

/** "Tillbaka till …": the list the order was opened from, as it was filtered. */
function BackLink({ from, listSearch }: { from: OrderFrom | undefined; listSearch: QueueSearch }) {
  const { t } = useTranslation()
  if (from === 'agent-orders') {
    return (
      <Link to="/agentuppdrag" search={listSearch}>
        {t('order.backToAgentOrders')}
      </Link>
    )
  }
  if (from === 'review') {
    return (
      <Link to="/granska" search={listSearch}>
        {t('order.backToReviewQueue')}
      </Link>
    )
  }
  return <Link to="/bestallningar">{t('order.back')}</Link>
}

function OrderDetails({ order, back }: { order: Order; back: ReactNode }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const status = useStatusMessage()

  /** The order as it is now, and the lists it appears in (who it waits for has changed). */
  function refresh() {
    void queryClient.invalidateQueries(trpc.order.get.queryFilter({ orderId: order.id }))
    void queryClient.invalidateQueries(trpc.order.list.pathFilter())
    void queryClient.invalidateQueries(trpc.agentOrder.list.pathFilter())
    void queryClient.invalidateQueries(trpc.review.queue.pathFilter())
  }

  return (
    <>
      <PageHeading>{t('order.title', { number: order.number })}</PageHeading>
      <p className="mb-6">{back}</p>
      <StatusMessage ref={status.ref} message={status.message} />
      <div className="space-y-10">
        <OrderProgress order={order} />
        {hasOrderActions(order) ? (
          <OrderActions
            // A new version starts the panel afresh: no form is left open on what changed.
            key={order.version}
            order={order}
            onDone={(message) => {
              status.announce(message, { focus: true })
              refresh()
            }}
            onReload={refresh}
            returnFocus={status.returnFocus}
          />
        ) : null}
        <OrderContent order={order} />
        <OrderTimeline order={order} />
      </div>
    </>
  )
}
