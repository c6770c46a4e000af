import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { OrderNumberCell, OrderQueueCells } from '../../components/order-queue-cells.tsx'
import { PagedTable } from '../../components/paged-table.tsx'
import { narrowedBy, offeringChoices } from '../../components/queue-filter-form.tsx'
import { Button } from '../../components/ui/button.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { type OrderPageSearch, queueSearchOf } from '../../lib/queue-search.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { AgentOrderFilterForm } from './agent-order-filter.tsx'
import {
  type AgentOrderFilter,
  type AgentOrderRow,
  agentOrderFiltersOptions,
  agentOrderListOptions,
} from './agent-order-query.ts'
import { useMarkedOrders } from './use-marked-orders.ts'

/**
 * "Agentuppdrag" → "Hantera beställningar" (seed 004 step 4): the customers' orders naming this agent,
 * by default those waiting for it, the longest waiting first. A checkbox per row marks the orders the
 * person is going to handle; "Öppna nästa markerade" opens them one after another (each order's number
 * opens it too), and the order's own page holds "Gå vidare" and "Avslå".
 */
export function AgentOrdersPage({
  filter,
  onFilter,
}: {
  filter: AgentOrderFilter
  onFilter: (filter: AgentOrderFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const navigate = useNavigate()
  const orders = useInfiniteQuery(agentOrderListOptions(trpc, filter))
  const filters = useQuery(agentOrderFiltersOptions(trpc))
  const marks = useMarkedOrders()
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? []
  const narrowed = narrowedBy(filter)
  // Marks of orders no longer in the list (handled elsewhere, or filtered away) are not offered.
  const markedHere = marks.marked.filter((mark) => rows.some((row) => row.id === mark.id))
  const next = markedHere[0]
  // The order page leads back here, as filtered now.
  const backHere = { from: 'agent-orders' as const, ...queueSearchOf(filter) }

  function openNext() {
    if (!next) return
    marks.unmark(next.id)
    void navigate({ to: '/bestallningar/$orderId', params: { orderId: next.id }, search: backHere })
  }

  return (
    <>
      <p className="mb-1 font-semibold text-ink-muted">{t('queues.agentOrders.section')}</p>
      <PageHeading>{t('queues.agentOrders.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('queues.agentOrders.intro')}</p>

      <AgentOrderFilterForm
        filter={filter}
        offerings={filters.data ? offeringChoices(filters.data.offerings, language) : undefined}
        customers={filters.data?.organizations.map((customer) => ({ id: customer.id, label: customer.name }))}
        onFilter={onFilter}
      />

      <PagedTable
        query={orders}
        rows={rows}
        words={{
          loading: t('queues.agentOrders.loading'),
          forbidden: t('queues.agentOrders.forbidden'),
          loadingMore: t('queues.agentOrders.loadingMore'),
          noMore: t('queues.agentOrders.noMore'),
        }}
        empty={
          narrowed ? (
            <EmptyState>{t(EMPTY_FILTERED[narrowed])}</EmptyState>
          ) : filter.all ? (
            <EmptyState>{t('queues.agentOrders.emptyAll')}</EmptyState>
          ) : (
            <EmptyState hint={t('queues.agentOrders.emptyHint')}>{t('queues.agentOrders.empty')}</EmptyState>
          )
        }
        above={
          <div className="mb-4 flex flex-wrap items-center gap-4">
            <p aria-live="polite" className="font-semibold">
              {markedHere.length > 0
                ? t('queues.agentOrders.markedCount', { count: markedHere.length })
                : t('queues.agentOrders.noneMarked')}
            </p>
            {next ? (
              <>
                <Button onClick={openNext}>
                  {t('queues.agentOrders.openNext', { number: next.number })}
                </Button>
                <Button variant="secondary" onClick={marks.clear}>
                  {t('queues.agentOrders.clearMarks')}
                </Button>
              </>
            ) : null}
          </div>
        }
        caption={filter.all ? t('queues.agentOrders.tableCaptionAll') : t('queues.agentOrders.tableCaption')}
        className="min-w-[52rem]"
        columns={[
          t('queues.number'),
          t('queues.agentOrders.mark'),
          t('queues.customer'),
          t('queues.offering'),
          t('queues.submittedAt'),
          filter.all ? t('queues.state') : t('queues.waitingSince'),
        ]}
        row={(order) => (
          <AgentOrderTableRow
            key={order.id}
            order={order}
            showState={filter.all === true}
            marked={marks.isMarked(order.id)}
            onMark={(on) => marks.toggle({ id: order.id, number: order.number }, on)}
            backHere={backHere}
          />
        )}
      />
    </>
  )
}

/** An empty queue's text: which choice to undo when only one narrowed it. */
const EMPTY_FILTERED = {
  offering: 'queues.agentOrders.emptyFiltered',
  organization: 'queues.agentOrders.emptyFilteredCustomer',
  status: 'queues.agentOrders.emptyFilteredStatus',
  several: 'queues.agentOrders.emptyFilteredSeveral',
} as const

function AgentOrderTableRow({
  order,
  showState,
  marked,
  onMark,
  backHere,
}: {
  order: AgentOrderRow
  /** The order page's way back to this list as filtered now. */
  backHere: OrderPageSearch
  /** Every order naming the agent: where each one is, rather than how long it has waited for the agent. */
  showState: boolean
  marked: boolean
  onMark: (on: boolean) => void
}) {
  const { t } = useTranslation()
  const checkboxId = `mark-${order.id}`
  return (
    <tr className={`border-line border-b align-top ${marked ? 'bg-surface' : ''}`}>
      <OrderNumberCell order={order} backHere={backHere} />
      <td className="py-3 pr-4">
        <input
          id={checkboxId}
          type="checkbox"
          checked={marked}
          onChange={(event) => onMark(event.target.checked)}
          className="size-6 shrink-0 accent-brand"
        />
        <label htmlFor={checkboxId} className="sr-only">
          {t('queues.agentOrders.markOrder', { number: order.number })}
        </label>
      </td>
      <OrderQueueCells order={order} showState={showState} />
    </tr>
  )
}
