import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { OrderNumberCell, OrderQueueCells } from '../../components/order-queue-cells.tsx'
import { PagedTable } from '../../components/paged-table.tsx'
import { narrowedBy, offeringChoices } from '../../components/queue-filter-form.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { queueSearchOf } from '../../lib/queue-search.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { ReviewFilterForm } from './review-filter.tsx'
import { type ReviewFilter, reviewFiltersOptions, reviewQueueOptions } from './review-query.ts'

/**
 * "Granska beställningar" (provider reviewers): the orders waiting for the provider's review, the longest
 * waiting first, each saying how long it has waited; every order when asked. Each number opens the order's
 * page, where the reviewer approves or rejects it.
 */
export function ReviewQueuePage({
  filter,
  onFilter,
}: {
  filter: ReviewFilter
  onFilter: (filter: ReviewFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const orders = useInfiniteQuery(reviewQueueOptions(trpc, filter))
  const filters = useQuery(reviewFiltersOptions(trpc))
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? []
  const narrowed = narrowedBy(filter)
  const showState = filter.all === true
  // The order page leads back here, as filtered now.
  const backHere = { from: 'review' as const, ...queueSearchOf(filter) }

  return (
    <>
      <PageHeading>{t('queues.reviewQueue.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('queues.reviewQueue.intro')}</p>

      <ReviewFilterForm
        filter={filter}
        offerings={filters.data ? offeringChoices(filters.data.offerings, language) : undefined}
        organizations={filters.data?.organizations.map((organization) => ({
          id: organization.id,
          label: organization.name,
        }))}
        onFilter={onFilter}
      />

      <PagedTable
        query={orders}
        rows={rows}
        words={{
          loading: t('queues.reviewQueue.loading'),
          forbidden: t('queues.reviewQueue.forbidden'),
          loadingMore: t('queues.reviewQueue.loadingMore'),
          noMore: t('queues.reviewQueue.noMore'),
        }}
        empty={
          narrowed ? (
            <EmptyState>{t(EMPTY_FILTERED[narrowed])}</EmptyState>
          ) : showState ? (
            <EmptyState>{t('queues.reviewQueue.emptyAll')}</EmptyState>
          ) : (
            <EmptyState hint={t('queues.reviewQueue.emptyHint')}>{t('queues.reviewQueue.empty')}</EmptyState>
          )
        }
        caption={showState ? t('queues.reviewQueue.tableCaptionAll') : t('queues.reviewQueue.tableCaption')}
        className="min-w-[48rem]"
        columns={[
          t('queues.number'),
          t('queues.organization'),
          t('queues.offering'),
          t('queues.submittedAt'),
          showState ? t('queues.state') : t('queues.waitingSince'),
        ]}
        row={(order) => (
          <tr key={order.id} className="border-line border-b align-top">
            <OrderNumberCell order={order} backHere={backHere} />
            <OrderQueueCells order={order} showState={showState} />
          </tr>
        )}
      />
    </>
  )
}

/** An empty queue's text: which choice to undo when only one narrowed it. */
const EMPTY_FILTERED = {
  offering: 'queues.reviewQueue.emptyFiltered',
  organization: 'queues.reviewQueue.emptyFilteredOrganization',
  status: 'queues.reviewQueue.emptyFilteredStatus',
  several: 'queues.reviewQueue.emptyFilteredSeveral',
} as const
