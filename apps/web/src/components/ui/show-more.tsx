import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from './alert.tsx'
import { Button } from './button.tsx'

/** What "Visa fler" needs of an infinite query (`useInfiniteQuery`'s result fits). */
interface NextPages {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  fetchNextPage: () => Promise<{ isError: boolean }>
}

/**
 * "Visa fler" under a list paged by keyset: fetches the next page and moves focus to its first item
 * (`itemAt(count)` as the list was before), so keyboard and screen reader users go on where the new items
 * start. Says when there is nothing more (`noMoreLabel`) and when fetching failed.
 */
export function ShowMore({
  query,
  count,
  itemAt,
  loadingLabel,
  noMoreLabel,
  className = '',
}: {
  query: NextPages
  /** How many items the list shows now. */
  count: number
  itemAt: (index: number) => HTMLElement | null | undefined
  loadingLabel: string
  noMoreLabel: string
  className?: string
}) {
  const { t } = useTranslation()
  // Index of the first item of the page being fetched: focus goes there once it shows.
  const [focusFrom, setFocusFrom] = useState<number | null>(null)
  const itemAtRef = useRef(itemAt)
  itemAtRef.current = itemAt

  useEffect(() => {
    if (focusFrom === null || count <= focusFrom) return
    itemAtRef.current(focusFrom)?.focus()
    setFocusFrom(null)
  }, [focusFrom, count])

  function showMore() {
    if (query.isFetchingNextPage) return
    setFocusFrom(count)
    void query.fetchNextPage().then((result) => {
      if (result.isError) setFocusFrom(null)
    })
  }

  return (
    <div className={`pt-5 ${className}`}>
      {query.isFetchNextPageError ? (
        <Alert tone="error">
          <p>{t('common.loadFailed')}</p>
        </Alert>
      ) : null}
      {query.hasNextPage ? (
        <Button variant="secondary" onClick={showMore} aria-disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? loadingLabel : t('common.showMore')}
        </Button>
      ) : (
        <p className="text-ink-muted">{noMoreLabel}</p>
      )}
    </div>
  )
}
