import type { DraftAnswers, WizardStep } from '@kundnav/schemas'
import { type CatalogueOffering, type FieldDescription, pricedQuantity } from '@kundnav/schemas/catalogue'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { displayValue, inSentence, type ListOption } from './offering-form.ts'
import type { Offering } from './order-query.ts'
import { PriceSummary } from './price-summary.tsx'
import { useLanguage } from './use-language.ts'
import type { Attester, InvoiceAddress } from './wizard-steps.tsx'

/** The id of a step's first "Ändra", which the error summary links to when the server refused that step. */
export function changeButtonId(step: WizardStep): string {
  return `andra-${step}`
}

/**
 * "Kontrollera beställningen": every answer with "Ändra" back to its step, the price, and — when the
 * organisation already has orders of the offering in progress — seed 004's warning that one order costs
 * less than several.
 */
export function ReviewStep({
  offering,
  entry,
  fields,
  answers,
  sourceOptions,
  attesters,
  invoiceAddresses,
  steps,
  onChange,
}: {
  offering: Offering
  entry: CatalogueOffering
  fields: readonly FieldDescription[]
  answers: DraftAnswers
  sourceOptions: Partial<Record<string, readonly ListOption[]>>
  attesters: readonly Attester[]
  invoiceAddresses: readonly InvoiceAddress[]
  steps: readonly WizardStep[]
  onChange: (step: WizardStep) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const values = answers.fields ?? {}
  const invoice =
    answers.invoice?.kind === 'new'
      ? answers.invoice
      : invoiceAddresses.find(
          (address) =>
            answers.invoice?.kind === 'existing' && address.id === answers.invoice.invoiceAddressId,
        )
  const attester = attesters.find((one) => one.userId === answers.attesterUserId)
  const notGiven = <span className="text-ink-muted">{t('wizard.review.notGiven')}</span>
  const change = { steps, onChange }
  const quantity = pricedQuantity(entry.fields, values)
  return (
    <div className="space-y-8">
      <p className="max-w-prose">{t('wizard.review.intro')}</p>
      <dl className="max-w-3xl divide-y divide-line border-line border-y">
        <Row label={t('wizard.review.service')} value={offering.serviceName[language]} />
        <Row label={t('wizard.review.offering')} value={offering.name[language]} />
        {fields.map((field, index) => (
          <Row
            key={field.name}
            label={field.label[language]}
            value={displayValue(field, values[field.name], language, sourceOptions[field.name]) ?? notGiven}
            change={{ ...change, step: 'fields', first: index === 0 }}
          />
        ))}
        {entry.attestationQuestions.map((question, index) => (
          <Row
            key={question.id}
            label={question.text[language]}
            value={
              answers.attestations?.includes(question.id) ? t('wizard.review.attestationsTicked') : notGiven
            }
            change={{ ...change, step: 'attestations', first: index === 0 }}
          />
        ))}
        <Row
          label={t('wizard.review.invoiceAddress')}
          value={
            invoice ? (
              <>
                <span className="block">{invoice.addressLine}</span>
                <span className="block">
                  {invoice.postalCode} {invoice.city}
                </span>
                {answers.invoice?.kind === 'new' ? (
                  <span className="block text-ink-muted">{t('wizard.review.invoiceNewNote')}</span>
                ) : null}
              </>
            ) : (
              notGiven
            )
          }
          change={{ ...change, step: 'invoice', first: true }}
        />
        <Row
          label={t('wizard.review.invoiceReference')}
          value={invoice ? invoice.reference : notGiven}
          change={{ ...change, step: 'invoice', first: false }}
        />
        <Row
          label={t('wizard.review.attester')}
          value={attester ? attester.name : notGiven}
          change={{ ...change, step: 'attester', first: true }}
        />
        <Row
          label={t('wizard.review.terms')}
          value={
            answers.acceptedTermsVersion === offering.terms.version
              ? t('wizard.review.termsAccepted', { version: offering.terms.version })
              : notGiven
          }
          change={{ ...change, step: 'terms', first: true }}
        />
      </dl>

      <PriceSummary
        startupFeeOre={offering.startupFeeOre}
        monthlyFeeOre={offering.monthlyFeeOre}
        quantity={quantity}
      />

      {offering.ordersInProgress > 0 ? (
        <Alert tone="notice" heading={t('wizard.review.warningHeading')}>
          <p>
            {t('wizard.review.warningInProgress', {
              count: offering.ordersInProgress,
              name: offering.name[language],
            })}
          </p>
          <p>{t('wizard.review.warning')}</p>
        </Alert>
      ) : null}
    </div>
  )
}

interface ChangeLink {
  step: WizardStep
  /** The step's first "Ändra" carries the id the error summary links to. */
  first: boolean
  steps: readonly WizardStep[]
  onChange: (step: WizardStep) => void
}

/** One answer of the review: what was asked, the answer, and "Ändra" (named by what it changes). */
function Row({ label, value, change }: { label: string; value: ReactNode; change?: ChangeLink }) {
  const { t } = useTranslation()
  return (
    <div className="py-3 sm:grid sm:grid-cols-[2fr_3fr_5rem] sm:gap-4">
      <dt className="font-semibold">{label}</dt>
      <dd className="wrap-break-word">{value}</dd>
      <dd>
        {change?.steps.includes(change.step) ? (
          <button
            type="button"
            id={change.first ? changeButtonId(change.step) : undefined}
            onClick={() => change.onChange(change.step)}
            className="min-h-11 font-semibold text-link underline underline-offset-2 hover:decoration-2"
          >
            {t('wizard.review.change')}
            <span className="sr-only"> {inSentence(label)}</span>
          </button>
        ) : null}
      </dd>
    </div>
  )
}
