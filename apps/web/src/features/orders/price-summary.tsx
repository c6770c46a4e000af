import { useTranslation } from 'react-i18next'
import { formatKronor } from '../../lib/format-price.ts'
import { useLanguage } from './use-language.ts'

/**
 * The price of an order: the start-up fee, once per order, and the monthly cost — the monthly fee per
 * unit times the priced quantity (e.g. the number of care units). Excluding VAT.
 */
export function PriceSummary({
  startupFeeOre,
  monthlyFeeOre,
  quantity,
  headingLevel = 3,
}: {
  startupFeeOre: number
  monthlyFeeOre: number
  quantity: number
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="pris" className="max-w-prose">
      <Heading id="pris" className="mb-3 font-bold text-xl">
        {t('price.summaryHeading')}
      </Heading>
      <dl className="divide-y divide-line border-line border-y">
        <div className="py-3 sm:grid sm:grid-cols-2 sm:gap-4">
          <dt className="font-semibold">{t('price.startupOnce')}</dt>
          <dd>{formatKronor(startupFeeOre, language)}</dd>
        </div>
        <div className="py-3 sm:grid sm:grid-cols-2 sm:gap-4">
          <dt className="font-semibold">{t('price.monthlyCost')}</dt>
          <dd>
            <span className="block">{formatKronor(monthlyFeeOre * quantity, language)}</span>
            <span className="block text-ink-muted">
              {t('price.monthlyCostCalculation', {
                quantity: quantity.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB'),
                price: formatKronor(monthlyFeeOre, language),
              })}
            </span>
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-ink-muted">{t('price.exclVat')}</p>
    </section>
  )
}
