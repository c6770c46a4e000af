import { ZSetOfferingPriceInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormDialog } from '../../components/ui/form-dialog.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { type FieldMessages, hasMessages, useFieldErrors, validate } from '../../lib/form.ts'
import { kronorInput, parseKronor } from '../../lib/format-price.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { ManagedOffering } from './prices-and-terms-page.tsx'

const FIELD_IDS = { startupFeeOre: 'pris-uppstart', monthlyFeeOre: 'pris-manad' } as const

/** "Ändra pris": the start-up fee and the monthly fee per unit, typed in kronor (the server takes öre). */
export function PriceDialog({
  offering,
  onClose,
  onSaved,
}: {
  offering: ManagedOffering
  onClose: () => void
  onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const setPrice = useMutation(trpc.catalogue.setPrice.mutationOptions())
  const [startup, setStartup] = useState(kronorInput(offering.startupFeeOre))
  const [monthly, setMonthly] = useState(kronorInput(offering.monthlyFeeOre))
  const fields = useFieldErrors(FIELD_IDS)
  const [failed, setFailed] = useState(false)

  function submit() {
    setFailed(false)
    const input = {
      offeringId: offering.id,
      startupFeeOre: parseKronor(startup),
      monthlyFeeOre: parseKronor(monthly),
    }
    const result = validate(ZSetOfferingPriceInput, input)
    if (!result.ok) {
      const found: FieldMessages<keyof typeof FIELD_IDS> = {}
      for (const field of ['startupFeeOre', 'monthlyFeeOre'] as const) {
        if (!result.issues[field]) continue
        found[field] =
          input[field] === null ? t('catalogueAdmin.priceFormat') : t('catalogueAdmin.priceTooHigh')
      }
      if (hasMessages(found)) fields.show(found)
      else setFailed(true)
      return
    }
    fields.clear()
    setPrice.mutate(result.data, { onSuccess: onSaved, onError: () => setFailed(true) })
  }

  return (
    <FormDialog
      title={t('catalogueAdmin.priceDialogTitle', { name: offering.name[language] })}
      errors={fields.summary}
      attempt={fields.attempt}
      failed={failed}
      error={setPrice.error}
      busy={setPrice.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        id={FIELD_IDS.startupFeeOre}
        label={t('catalogueAdmin.startupFeeLabel')}
        hint={t('catalogueAdmin.priceHint')}
        error={fields.errors.startupFeeOre}
        inputMode="decimal"
        autoComplete="off"
        className="max-w-48!"
        value={startup}
        onChange={(event) => setStartup(event.target.value)}
      />
      <TextField
        id={FIELD_IDS.monthlyFeeOre}
        label={t('catalogueAdmin.monthlyFeeLabel')}
        hint={t('catalogueAdmin.priceHint')}
        error={fields.errors.monthlyFeeOre}
        inputMode="decimal"
        autoComplete="off"
        className="max-w-48!"
        value={monthly}
        onChange={(event) => setMonthly(event.target.value)}
      />
    </FormDialog>
  )
}
