import { type ReactNode, useRef } from 'react'
import { DataTable } from './ui/data-table.tsx'
import { LoadProblem } from './ui/load-problem.tsx'
import { ShowMore } from './ui/show-more.tsx'
import { Skeleton } from './ui/skeleton.tsx'

/** What the table needs of a keyset-paged query (`useInfiniteQuery`'s result fits). */
interface PagedQuery {
  isPending: boolean
  data: unknown
  error: unknown
  hasNextPage: boolean
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  fetchNextPage: () => Promise<{ isError: boolean }>
  refetch: () => Promise<unknown>
}

/** A paged list's words: while loading, when the role may not see it, while and after "Visa fler". */
export interface PagedTableWords {
  loading: string
  forbidden: string
  loadingMore: string
  noMore: string
}

/**
 * A list paged by keyset, as the queues and case lists show it: a skeleton while loading, the load
 * problem, the empty state (`empty`, which says what to do), or the table with a row per item (`row`, its
 * first cell a `th` with the link that opens it; `above` over the table) and "Visa fler", which moves
 * focus to the first new row's link.
 */
export function PagedTable<Row>({
  query,
  rows,
  words,
  empty,
  above,
  caption,
  className,
  columns,
  row,
}: {
  query: PagedQuery
  rows: readonly Row[]
  words: PagedTableWords
  empty: ReactNode
  above?: ReactNode
  caption: string
  className: string
  columns: string[]
  row: (row: Row) => ReactNode
}) {
  const tableRef = useRef<HTMLTableSectionElement>(null)
  if (query.isPending) return <Skeleton label={words.loading} lines={6} />
  if (!query.data)
    return (
      <LoadProblem error={query.error} forbiddenText={words.forbidden} onRetry={() => void query.refetch()} />
    )
  if (rows.length === 0) return empty
  return (
    <>
      {above}
      <DataTable caption={caption} className={className} columns={columns} bodyRef={tableRef}>
        {rows.map(row)}
      </DataTable>
      <ShowMore
        query={query}
        count={rows.length}
        itemAt={(index) => tableRef.current?.querySelectorAll<HTMLElement>('th[scope="row"] a')[index]}
        loadingLabel={words.loadingMore}
        noMoreLabel={words.noMore}
      />
    </>
  )
}
