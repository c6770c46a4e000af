import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { SearchForm } from '../../components/ui/search-form.tsx'
import { ShowMore } from '../../components/ui/show-more.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcErrorCode } from '../../lib/trpc-error.ts'
import { mailboxListOptions } from './mailbox-query.ts'
import { MessageItem } from './message-item.tsx'

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
  const messages = mailbox.data?.pages.flatMap((page) => page.items) ?? []

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

  return (
    <>
      {title}
      <p className="mb-6 max-w-prose">{t('devMailbox.intro')}</p>
      <SearchForm
        legend={t('devMailbox.filterLegend')}
        name="recipient"
        label={t('devMailbox.recipientLabel')}
        hint={t('devMailbox.recipientHint')}
        value={recipient}
        submitLabel={t('devMailbox.filterSubmit')}
        clearLabel={t('devMailbox.filterClear')}
        status={recipient ? t('devMailbox.filteredBy', { recipient }) : null}
        onSearch={onFilter}
      />

      {mailbox.isPending ? (
        <Skeleton label={t('devMailbox.loading')} lines={6} />
      ) : !mailbox.data ? (
        <LoadProblem error={mailbox.error} onRetry={() => void mailbox.refetch()} />
      ) : messages.length === 0 ? (
        recipient ? (
          <EmptyState>{t('devMailbox.emptyFiltered', { recipient })}</EmptyState>
        ) : (
          <EmptyState hint={t('devMailbox.emptyHint')}>{t('devMailbox.empty')}</EmptyState>
        )
      ) : (
        <>
          <ol ref={listRef} aria-label={t('devMailbox.listLabel')}>
            {messages.map((message) => (
              <li key={message.id}>
                <MessageItem message={message} />
              </li>
            ))}
          </ol>
          <ShowMore
            query={mailbox}
            count={messages.length}
            itemAt={(index) => listRef.current?.querySelectorAll<HTMLElement>('article h2')[index]}
            loadingLabel={t('devMailbox.loadingMore')}
            noMoreLabel={t('devMailbox.noMore')}
            className="border-line border-t-2"
          />
        </>
      )}
    </>
  )
}
