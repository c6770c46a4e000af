import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcErrorCode } from '../../lib/trpc-error.ts'
import { mailboxListOptions } from './mailbox-query.ts'
import { MessageItem } from './message-item.tsx'
import { RecipientFilter } from './recipient-filter.tsx'

/**
 * The development mailbox: every e-mail and SMS the portal "sent" while running without a mail server.
 * Only the demo server has it; elsewhere the procedure answers NOT_FOUND and the page says so.
 */
export function MailboxPage({
  recipient,
  onFilter,
}: {
  recipient: string | undefined
  onFilter: (recipient: string | undefined) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const mailbox = useInfiniteQuery(mailboxListOptions(trpc, recipient))
  const listRef = useRef<HTMLOListElement>(null)
  // Index of the first message of the page being fetched by "Visa fler": focus goes there once it shows.
  const [focusFrom, setFocusFrom] = useState<number | null>(null)
  const messages = mailbox.data?.pages.flatMap((page) => page.items) ?? []
  const messageCount = messages.length

  useEffect(() => {
    if (focusFrom === null || messageCount <= focusFrom) return
    listRef.current?.querySelectorAll<HTMLElement>('article h2')[focusFrom]?.focus()
    setFocusFrom(null)
  }, [focusFrom, messageCount])

  const title = <PageHeading>{t('devMailbox.title')}</PageHeading>

  if (mailbox.isError && trpcErrorCode(mailbox.error) === 'NOT_FOUND') {
    return (
      <>
        {title}
        <Alert tone="notice" heading={t('devMailbox.notAvailableHeading')}>
          <p>{t('devMailbox.notAvailableText')}</p>
          <p>
            <Link to="/">{t('common.backToStart')}</Link>
          </p>
        </Alert>
      </>
    )
  }

  function showMore() {
    if (mailbox.isFetchingNextPage) return
    setFocusFrom(messages.length)
    void mailbox.fetchNextPage().then((result) => {
      if (result.isError) setFocusFrom(null)
    })
  }

  return (
    <>
      {title}
      <p className="mb-6 max-w-prose">{t('devMailbox.intro')}</p>
      <RecipientFilter recipient={recipient} onFilter={onFilter} />
      {/* Announces the active filter after the list changes. */}
      <p role="status" className={recipient ? 'mb-4' : 'sr-only'}>
        {recipient ? t('devMailbox.filteredBy', { recipient }) : ''}
      </p>

      {mailbox.isPending ? (
        <Skeleton label={t('devMailbox.loading')} lines={6} />
      ) : !mailbox.data ? (
        <Alert tone="error">
          <p>{t('common.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void mailbox.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : messages.length === 0 ? (
        <div className="border-line border-t-2 py-5">
          {recipient ? (
            <p>{t('devMailbox.emptyFiltered', { recipient })}</p>
          ) : (
            <>
              <p className="mb-2 font-bold">{t('devMailbox.empty')}</p>
              <p className="max-w-prose">{t('devMailbox.emptyHint')}</p>
            </>
          )}
        </div>
      ) : (
        <>
          <ol ref={listRef} aria-label={t('devMailbox.listLabel')}>
            {messages.map((message) => (
              <li key={message.id}>
                <MessageItem message={message} />
              </li>
            ))}
          </ol>
          <div className="border-line border-t-2 pt-5">
            {mailbox.isFetchNextPageError ? (
              <Alert tone="error">
                <p>{t('common.loadFailed')}</p>
              </Alert>
            ) : null}
            {mailbox.hasNextPage ? (
              <Button variant="secondary" onClick={showMore} aria-disabled={mailbox.isFetchingNextPage}>
                {mailbox.isFetchingNextPage ? t('devMailbox.loadingMore') : t('devMailbox.showMore')}
              </Button>
            ) : (
              <p className="text-ink-muted">{t('devMailbox.noMore')}</p>
            )}
          </div>
        </>
      )}
    </>
  )
}
