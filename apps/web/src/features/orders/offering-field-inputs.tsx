import type { FieldDescription } from '@kundnav/schemas/catalogue'
import { useTranslation } from 'react-i18next'
import { SelectField } from '../../components/ui/select-field.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import type { Language } from '../../i18n/i18n.ts'
import { choiceOptions, inputKind, type ListOption, type RawFieldValues } from './offering-form.ts'

/** The id of a field's input, which the error summary links to. */
export function fieldInputId(name: string): string {
  return `falt-${name}`
}

/**
 * Any offering's own fields, rendered from their descriptions (`describeForm`): a label in the page's
 * language with "(valfritt)" on optional ones, the help text as the hint, and an input for the field's
 * kind. A list the server answers (`source`) shows `sourceOptions[name]`.
 */
export function OfferingFieldInputs({
  fields,
  values,
  errors,
  language,
  sourceOptions,
  onChange,
}: {
  fields: readonly FieldDescription[]
  values: Readonly<RawFieldValues>
  errors: Readonly<Partial<Record<string, string>>>
  language: Language
  sourceOptions: Readonly<Partial<Record<string, readonly ListOption[]>>>
  onChange: (name: string, value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      {fields.map((field) => {
        const id = fieldInputId(field.name)
        const label = field.optional
          ? `${field.label[language]} ${t('wizard.optional')}`
          : field.label[language]
        const common = {
          id,
          name: field.name,
          label,
          hint: field.help?.[language],
          error: errors[field.name],
          value: values[field.name] ?? '',
        }
        switch (inputKind(field)) {
          case 'number':
            return (
              <TextField
                key={field.name}
                {...common}
                inputMode="numeric"
                autoComplete="off"
                className="max-w-40!"
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            )
          case 'textarea':
            return (
              <TextAreaField
                key={field.name}
                {...common}
                maxLength={field.max ?? undefined}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            )
          case 'select': {
            const options =
              field.kind === 'choice' ? choiceOptions(field, language) : sourceOptions[field.name]
            return (
              <div key={field.name}>
                <SelectField
                  {...common}
                  options={[{ value: '', label: t('wizard.choose') }, ...(options ?? [])]}
                  onChange={(event) => onChange(field.name, event.target.value)}
                />
                {options && options.length === 0 ? <p className="mt-2">{t('wizard.noOptions')}</p> : null}
              </div>
            )
          }
          default:
            return (
              <TextField
                key={field.name}
                {...common}
                autoComplete="off"
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            )
        }
      })}
    </div>
  )
}
