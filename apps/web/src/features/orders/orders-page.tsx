import { can } from '@kundnav/schemas/permissions'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { ShowMore } from '../../components/ui/show-more.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { ORDER_STATUS_FILTERS, type OrderStatus } from '../../lib/order-status.ts'
import { asRole, useSession } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { orderListOptions } from './order-query.ts'
import { OrderStatusText } from './order-status.tsx'
import { useLanguage } from './use-language.ts'

/** "Mina beställningar": the organisation's orders, newest first, filtered by status when asked. */
export function OrdersPage({
  status,
  onFilter,
}: {
  status: OrderStatus | undefined
  onFilter: (status: OrderStatus | undefined) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const orders = useInfiniteQuery(orderListOptions(trpc, status))
  const tableRef = useRef<HTMLTableSectionElement>(null)
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? []
  const statusName = status ? t(`orders.statuses.${status}`) : null
  const mayOrder = can(asRole(useSession().data?.active?.role), 'order.create')

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = new FormData(event.currentTarget).get('status')
    onFilter(ORDER_STATUS_FILTERS.find((one) => one === value))
  }

  return (
    <>
      <PageHeading>{t('orders.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('orders.intro')}</p>

      <form onSubmit={filter} className="mb-6">
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="sr-only">{t('orders.filterLegend')}</legend>
          <SelectField
            key={status ?? 'alla'}
            name="status"
            label={t('orders.statusLabel')}
            defaultValue={status ?? ''}
            className="max-w-60"
            options={[
              { value: '', label: t('orders.allStatuses') },
              ...ORDER_STATUS_FILTERS.map((one) => ({ value: one, label: t(`orders.statuses.${one}`) })),
            ]}
          />
          <Button type="submit" variant="secondary">
            {t('orders.filterSubmit')}
          </Button>
        </fieldset>
        {statusName ? <p className="mt-3">{t('orders.filteredBy', { status: statusName })}</p> : null}
      </form>

      {orders.isPending ? (
        <Skeleton label={t('orders.loading')} lines={6} />
      ) : !orders.data ? (
        <LoadProblem
          error={orders.error}
          forbiddenText={t('orders.forbidden')}
          onRetry={() => void orders.refetch()}
        />
      ) : rows.length === 0 ? (
        statusName ? (
          <EmptyState>{t('orders.emptyFiltered', { status: statusName })}</EmptyState>
        ) : (
          <EmptyState hint={mayOrder ? t('orders.emptyHint') : undefined}>{t('orders.empty')}</EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption={t('orders.tableCaption')}
            className="min-w-[56rem]"
            columns={[
              t('orders.number'),
              t('orders.offering'),
              t('orders.quantity'),
              t('orders.status'),
              t('orders.waitingFor'),
              t('orders.submittedAt'),
              t('orders.submittedBy'),
            ]}
            bodyRef={tableRef}
          >
            {rows.map((order) => (
              <tr key={order.id} className="border-line border-b align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <Link
                    to="/bestallningar/$orderId"
                    params={{ orderId: order.id }}
                    className="whitespace-nowrap font-semibold"
                  >
                    {order.number}
                  </Link>
                </th>
                <td className="py-3 pr-4">
                  <span className="block">{order.offeringName[language]}</span>
                  <span className="block text-ink-muted">{order.serviceName[language]}</span>
                </td>
                <td className="py-3 pr-4">
                  {order.quantity.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB')}
                </td>
                <td className="py-3 pr-4">
                  <OrderStatusText status={order.status} />
                </td>
                <td className="py-3 pr-4">
                  {order.nextActor?.name || (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">{t('orders.nobody')}</span>
                    </>
                  )}
                </td>
                <td className="py-3 pr-4">
                  <time dateTime={asDate(order.submittedAt).toISOString()}>
                    {formatDateTime(order.submittedAt, language)}
                  </time>
                </td>
                <td className="py-3">{order.submittedByName ?? t('order.unknownPerson')}</td>
              </tr>
            ))}
          </DataTable>
          <ShowMore
            query={orders}
            count={rows.length}
            itemAt={(index) => tableRef.current?.querySelectorAll<HTMLElement>('th[scope="row"] a')[index]}
            loadingLabel={t('orders.loadingMore')}
            noMoreLabel={t('orders.noMore')}
          />
        </>
      )}
    </>
  )
}
