import { catalogueOffering, describeForm, type FieldDescription } from '@kundnav/schemas/catalogue'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { displayValue } from './offering-form.ts'
import type { Order } from './order-query.ts'
import { PriceSummary } from './price-summary.tsx'
import { useLanguage } from './use-language.ts'

type InvoiceAddress = Order['invoiceAddress']

/**
 * What was ordered, as the order page and the signing link show it: the order, its answers, the attestation
 * questions, invoice address and attestant, the agent's part once it forwarded, the terms and the price.
 */
export function OrderContent({ order }: { order: Order }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const entry = catalogueOffering(order.offeringCode)
  const fields: FieldDescription[] = entry ? describeForm(entry.fields) : []
  const submittedAt = formatDateTime(order.submittedAt, language)
  const terms = language === 'sv' ? order.terms.textSv : order.terms.textEn

  return (
    <>
      <Section id="bestallningen" heading={t('order.summary')}>
        <Item label={t('order.service')} value={order.serviceName[language]} />
        <Item label={t('order.offering')} value={order.offeringName[language]} />
        <Item
          label={t('order.submittedAt')}
          value={<time dateTime={asDate(order.submittedAt).toISOString()}>{submittedAt}</time>}
        />
        <Item
          label={t('order.submittedBy')}
          value={`${order.submittedByName ?? t('order.unknownPerson')}, ${order.organizationName}`}
        />
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
        <InvoiceItems address={order.invoiceAddress} />
      </Section>

      <Section id="attestant" heading={t('order.attesterHeading')}>
        <Item label={t('wizard.review.attester')} value={order.attesterName ?? t('order.unknownPerson')} />
      </Section>

      {order.agentPart ? (
        <Section id="agenten" heading={t('order.agentPartHeading')}>
          {order.agentPart.attestations.map((question) => (
            <Item key={question.id} label={question.text[language]} value={t('order.attestationTicked')} />
          ))}
          <InvoiceItems address={order.agentPart.invoiceAddress} />
          <Item
            label={t('order.agentAttester')}
            value={order.agentPart.attesterName ?? t('order.unknownPerson')}
          />
        </Section>
      ) : null}

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
    </>
  )
}

function InvoiceItems({ address }: { address: InvoiceAddress }) {
  const { t } = useTranslation()
  return (
    <>
      <Item
        label={t('wizard.review.invoiceAddress')}
        value={
          <>
            <span className="block">{address.addressLine}</span>
            <span className="block">
              {address.postalCode} {address.city}
            </span>
          </>
        }
      />
      <Item label={t('wizard.review.invoiceReference')} value={address.reference} />
    </>
  )
}

export function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="max-w-3xl">
      <h2 id={id} className="mb-3 font-bold text-2xl">
        {heading}
      </h2>
      <dl className="divide-y divide-line border-line border-y">{children}</dl>
    </section>
  )
}

export function Item({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-[2fr_3fr] sm:gap-4">
      <dt className="font-semibold">{label}</dt>
      <dd className="wrap-break-word">{value}</dd>
    </div>
  )
}
