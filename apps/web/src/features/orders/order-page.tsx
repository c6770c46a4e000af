import { catalogueOffering, describeForm, type FieldDescription } from '@kundnav/schemas/catalogue'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { displayValue } from './offering-form.ts'
import type { Order } from './order-query.ts'
import { OrderStatusText } from './order-status.tsx'
import { PriceSummary } from './price-summary.tsx'
import { useLanguage } from './use-language.ts'

/** One of the organisation's orders: everything that was submitted, with its terms version and price. */
export function OrderPage({ orderId }: { orderId: string }) {
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
            <Link to="/bestallningar">{t('order.back')}</Link>
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
  return <OrderDetails order={order.data} />
}

function OrderDetails({ order }: { order: Order }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const entry = catalogueOffering(order.offeringCode)
  const fields: FieldDescription[] = entry ? describeForm(entry.fields) : []
  const submittedAt = formatDateTime(order.submittedAt, language)
  const terms = language === 'sv' ? order.terms.textSv : order.terms.textEn

  return (
    <>
      <PageHeading>{t('order.title', { number: order.number })}</PageHeading>
      <p className="mb-6">
        <Link to="/bestallningar">{t('order.back')}</Link>
      </p>
      <div className="space-y-10">
        <Section id="bestallningen" heading={t('order.summary')}>
          <Item label={t('order.status')} value={<OrderStatusText status={order.status} />} />
          <Item label={t('order.service')} value={order.serviceName[language]} />
          <Item label={t('order.offering')} value={order.offeringName[language]} />
          <Item
            label={t('order.submittedAt')}
            value={<time dateTime={asDate(order.submittedAt).toISOString()}>{submittedAt}</time>}
          />
          <Item label={t('order.submittedBy')} value={order.submittedByName ?? t('order.unknownPerson')} />
        </Section>

        {fields.length > 0 ? (
          <Section id="uppgifter" heading={t('order.fieldsHeading')}>
            {fields.map((field) => {
              const value = order.fields[field.name]
              // A list the server answers (e.g. the agents) is named by the order itself.
              const label = order.fieldLabels[field.name]
              const named = label === undefined ? [] : [{ value: String(value), label }]
              const shown = displayValue(field, value, language, named) ?? '–'
              return <Item key={field.name} label={field.label[language]} value={shown} />
            })}
          </Section>
        ) : null}

        {order.attestations.length > 0 ? (
          <Section id="intygande" heading={t('order.attestationsHeading')}>
            {order.attestations.map((question) => (
              <Item key={question.id} label={question.text[language]} value={t('order.attestationTicked')} />
            ))}
          </Section>
        ) : null}

        <Section id="faktura" heading={t('order.invoiceHeading')}>
          <Item
            label={t('wizard.review.invoiceAddress')}
            value={
              <>
                <span className="block">{order.invoiceAddress.addressLine}</span>
                <span className="block">
                  {order.invoiceAddress.postalCode} {order.invoiceAddress.city}
                </span>
              </>
            }
          />
          <Item label={t('wizard.review.invoiceReference')} value={order.invoiceAddress.reference} />
        </Section>

        <Section id="attestant" heading={t('order.attesterHeading')}>
          <Item label={t('wizard.review.attester')} value={order.attesterName ?? t('order.unknownPerson')} />
        </Section>

        <section aria-labelledby="villkor" className="max-w-3xl">
          <h2 id="villkor" className="mb-3 font-bold text-2xl">
            {t('order.termsHeading')}
          </h2>
          <p className="mb-3">{t('order.termsAccepted', { version: order.terms.version })}</p>
          <details className="border-2 border-line p-4">
            <summary className="cursor-pointer font-semibold text-link underline">
              {t('order.termsShow', { version: order.terms.version })}
            </summary>
            <div className="mt-3 whitespace-pre-line">{terms}</div>
          </details>
        </section>

        <PriceSummary
          startupFeeOre={order.startupFeeOre}
          monthlyFeeOre={order.monthlyFeeOre}
          quantity={order.quantity}
          headingLevel={2}
        />
      </div>
    </>
  )
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="max-w-3xl">
      <h2 id={id} className="mb-3 font-bold text-2xl">
        {heading}
      </h2>
      <dl className="divide-y divide-line border-line border-y">{children}</dl>
    </section>
  )
}

function Item({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-[2fr_3fr] sm:gap-4">
      <dt className="font-semibold">{label}</dt>
      <dd className="wrap-break-word">{value}</dd>
    </div>
  )
}
