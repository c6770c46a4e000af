import { ZPublishTermsInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormDialog } from '../../components/ui/form-dialog.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import {
  type FieldMessages,
  hasMessages,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { ManagedOffering } from './prices-and-terms-page.tsx'

const FIELD_IDS = { textSv: 'villkor-sv', textEn: 'villkor-en' } as const

/** "Publicera nya villkor": the next version's text in Swedish and English, starting from the current one. */
export function TermsDialog({
  offering,
  onClose,
  onPublished,
}: {
  offering: ManagedOffering
  onClose: () => void
  onPublished: (version: number) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const publish = useMutation(trpc.catalogue.publishTerms.mutationOptions())
  const [textSv, setTextSv] = useState(offering.terms.textSv)
  const [textEn, setTextEn] = useState(offering.terms.textEn)
  const fields = useFieldErrors(FIELD_IDS)
  const [failed, setFailed] = useState(false)

  function message(field: 'textSv' | 'textEn', code: string, value: string): string {
    if (value.trim() === '')
      return t(field === 'textSv' ? 'catalogueAdmin.termsSvRequired' : 'catalogueAdmin.termsEnRequired')
    return code === 'too_big' ? t('catalogueAdmin.termsTooLong') : t('catalogueAdmin.termsCharacters')
  }

  function submit() {
    setFailed(false)
    const values = { textSv, textEn }
    const result = validate(ZPublishTermsInput, { offeringId: offering.id, ...values })
    if (!result.ok) {
      const found: FieldMessages<keyof typeof FIELD_IDS> = {}
      for (const field of ['textSv', 'textEn'] as const) {
        const code = result.issues[field]
        if (code) found[field] = message(field, code, values[field])
      }
      if (hasMessages(found)) fields.show(found)
      else setFailed(true)
      return
    }
    fields.clear()
    publish.mutate(result.data, {
      onSuccess: (terms) => onPublished(terms.version),
      onError: (error) => {
        const found = serverFieldErrors(t, error, FIELD_IDS)
        if (hasMessages(found)) fields.show(found)
        else setFailed(true)
      },
    })
  }

  return (
    <FormDialog
      title={t('catalogueAdmin.termsDialogTitle', { name: offering.name[language] })}
      errors={fields.summary}
      attempt={fields.attempt}
      failed={failed}
      error={publish.error}
      busy={publish.isPending}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('catalogueAdmin.publish')}
      busyLabel={t('catalogueAdmin.publishing')}
    >
      <p>{t('catalogueAdmin.termsDialogIntro', { version: offering.terms.version + 1 })}</p>
      <TextAreaField
        id={FIELD_IDS.textSv}
        lang="sv"
        label={t('catalogueAdmin.termsSv')}
        error={fields.errors.textSv}
        rows={10}
        value={textSv}
        onChange={(event) => setTextSv(event.target.value)}
      />
      <TextAreaField
        id={FIELD_IDS.textEn}
        lang="en"
        label={t('catalogueAdmin.termsEn')}
        error={fields.errors.textEn}
        rows={10}
        value={textEn}
        onChange={(event) => setTextEn(event.target.value)}
      />
    </FormDialog>
  )
}
