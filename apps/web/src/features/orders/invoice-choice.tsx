import { type NewInvoiceAddress, textProblem, ZNewInvoiceAddress } from '@kundnav/schemas'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { type FieldMessages, validate } from '../../lib/form.ts'
import { inSentence } from './offering-form.ts'

/**
 * "Registrera en ny fakturaadress och fakturareferens eller välj en befintlig" (seed 004): the wizard's
 * invoice step and the agent's forward form. The choice is an existing address's id or `NEW_INVOICE`.
 */
export interface InvoiceAddress extends NewInvoiceAddress {
  id: string
}

export const EMPTY_ADDRESS: NewInvoiceAddress = { addressLine: '', postalCode: '', city: '', reference: '' }
export const NEW_INVOICE = 'ny'
export const ADDRESS_FIELDS = ['addressLine', 'postalCode', 'city', 'reference'] as const
export type AddressField = (typeof ADDRESS_FIELDS)[number]

/** The ids of the choice and of the new address's fields, for an error summary to link to. */
export type InvoiceFieldIds = Readonly<Record<'invoice' | AddressField, string>>

/** The new address's problems, each saying how to fix it; none when it is complete. */
export function invoiceAddressMessages(
  t: TFunction,
  address: NewInvoiceAddress,
): FieldMessages<AddressField> {
  const result = validate(ZNewInvoiceAddress, address)
  if (result.ok) return {}
  const found: FieldMessages<AddressField> = {}
  for (const name of ADDRESS_FIELDS) {
    const code = result.issues[name]
    if (!code) continue
    const value = address[name]
    const label = t(`wizard.${name}`)
    found[name] =
      name === 'postalCode' && value.trim() !== ''
        ? t('wizard.postalCodeFormat')
        : value.trim() === ''
          ? t('fieldErrors.required', { label: inSentence(label) })
          : code === 'custom'
            ? textProblem(value, true)
              ? t('fieldErrors.characters', { Label: label })
              : t('fieldErrors.lineBreak', { Label: label })
            : t('fieldErrors.tooLong', { Label: label, max: name === 'addressLine' ? 200 : 100 })
  }
  return found
}

const AUTOCOMPLETE: Record<AddressField, string> = {
  addressLine: 'address-line1',
  postalCode: 'postal-code',
  city: 'address-level2',
  reference: 'off',
}

/** The existing addresses to choose from, and "Registrera en ny …" revealing the new address's fields. */
export function InvoiceChoiceField({
  ids,
  addresses,
  choice,
  onChoose,
  address,
  onAddressChange,
  errors,
  legend,
}: {
  ids: InvoiceFieldIds
  addresses: readonly InvoiceAddress[]
  choice: string | null
  onChoose: (choice: string) => void
  address: NewInvoiceAddress
  onAddressChange: (address: NewInvoiceAddress) => void
  errors: Partial<Record<'invoice' | AddressField, string>>
  legend?: string
}) {
  const { t } = useTranslation()
  return (
    <RadioGroup
      id={ids.invoice}
      name="invoice"
      legend={legend ?? t('wizard.invoiceLegend')}
      error={errors.invoice}
      value={choice}
      onChange={onChoose}
      options={[
        ...addresses.map((existing) => ({
          value: existing.id,
          label: t('wizard.invoiceExisting', {
            address: existing.addressLine,
            postalCode: existing.postalCode,
            city: existing.city,
            reference: existing.reference,
          }),
        })),
        {
          value: NEW_INVOICE,
          label: t('wizard.invoiceNew'),
          revealed: (
            <>
              <p className="text-ink-muted">{t('wizard.invoiceNewHint')}</p>
              {ADDRESS_FIELDS.map((name) => (
                <TextField
                  key={name}
                  id={ids[name]}
                  label={t(`wizard.${name}`)}
                  hint={
                    name === 'postalCode'
                      ? t('wizard.postalCodeHint')
                      : name === 'reference'
                        ? t('wizard.referenceHint')
                        : undefined
                  }
                  error={errors[name]}
                  autoComplete={AUTOCOMPLETE[name]}
                  className={name === 'postalCode' ? 'max-w-32!' : ''}
                  value={address[name]}
                  onChange={(event) => onAddressChange({ ...address, [name]: event.target.value })}
                />
              ))}
            </>
          ),
        },
      ]}
    />
  )
}
