import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { EmailAddress } from '../../components/ui/email-address.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { LinkifiedText } from './linkified-text.tsx'

export type MailboxMessage = inferRouterOutputs<AppRouter>['devMailbox']['list']['items'][number]

/** One message, readable in full, with its links clickable. */
export function MessageItem({ message }: { message: MailboxMessage }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const sentAt = message.sentAt ?? message.createdAt

  return (
    <article aria-labelledby={headingId} className="border-line border-t-2 py-5">
      <h2 id={headingId} tabIndex={-1} className="mb-2 font-bold text-xl wrap-anywhere">
        {message.subject ?? t('devMailbox.smsSubject', { recipient: message.recipient })}
      </h2>
      <dl className="mb-3 grid grid-cols-[max-content_1fr] gap-x-4 text-base">
        <dt className="font-semibold">{t('devMailbox.channel')}</dt>
        <dd>{message.channel === 'SMS' ? t('devMailbox.channelSms') : t('devMailbox.channelEmail')}</dd>
        <dt className="font-semibold">{t('devMailbox.recipient')}</dt>
        <dd className="wrap-anywhere">
          <EmailAddress address={message.recipient} />
        </dd>
        <dt className="font-semibold">
          {message.sentAt ? t('devMailbox.sentAt') : t('devMailbox.createdAt')}
        </dt>
        <dd>
          <time dateTime={asDate(sentAt).toISOString()}>{formatDateTime(sentAt, language)}</time>
        </dd>
      </dl>
      <div className="max-w-prose whitespace-pre-wrap wrap-anywhere bg-surface p-4 text-base">
        <LinkifiedText text={message.text} />
      </div>
    </article>
  )
}
