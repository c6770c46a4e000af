import type { AppRouter } from '@kundnav/api'
import { ZUpdateMeInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/i18n.ts'
import { formValues, hasMessages, serverFieldErrors, useFieldErrors, validate } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'

type Me = inferRouterOutputs<AppRouter>['me']['get']

const FIELD_IDS = { name: 'me-name' } as const

/** Each language named in itself, as the language switch in the header names it. */
const LANGUAGE_OPTIONS = LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value }))

/**
 * Name and preferred language, the things a person edits about themselves (the mobile number has its own
 * section, as only a verified number is kept). Saving another language changes the page's language too, as
 * the language switch does.
 */
export function DetailsForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const update = useMutation(trpc.me.update.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const [saved, setSaved] = useState(false)
  const headingId = useId()
  // Follows the saved language, which the header's language switch changes too.
  const [language, setLanguage] = useState<Language>(me.language)
  useEffect(() => setLanguage(me.language), [me.language])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (update.isPending) return
    setSaved(false)
    const result = validate(ZUpdateMeInput, formValues(event.currentTarget))
    if (!result.ok) {
      fields.show({
        name: result.issues.name
          ? result.issues.name === 'too_big'
            ? t('me.nameTooLong')
            : t('me.nameMissing')
          : undefined,
      })
      return
    }
    fields.clear()
    update.mutate(result.data, {
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.me.get.queryKey(), updated)
        setSaved(true)
        if (updated.language !== i18n.language) await i18n.changeLanguage(updated.language)
        // The header shows the name.
        await queryClient.invalidateQueries(trpc.session.get.queryFilter())
      },
      onError: (error) => {
        const found = serverFieldErrors(t, error, FIELD_IDS)
        if (hasMessages(found)) fields.show(found)
      },
    })
  }

  const failed = update.isError && Object.keys(trpcFieldErrors(update.error)).length === 0

  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="mb-4 font-bold text-2xl">
        {t('me.detailsHeading')}
      </h2>
      <StatusMessage message={saved ? t('me.saved') : null} />
      <FormErrors errors={fields.summary} attempt={fields.attempt} failed={failed} error={update.error} />
      <form noValidate onSubmit={submit} className="max-w-xl space-y-6">
        <TextField
          id={FIELD_IDS.name}
          name="name"
          label={t('me.name')}
          error={fields.errors.name}
          autoComplete="name"
          defaultValue={me.name}
        />
        <SelectField
          id="me-language"
          name="language"
          label={t('me.language')}
          hint={t('me.languageHint')}
          options={LANGUAGE_OPTIONS}
          value={language}
          onChange={(event) => {
            if (isLanguage(event.target.value)) setLanguage(event.target.value)
          }}
          className="max-w-xs"
        />
        <Button type="submit" aria-disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('me.save')}
        </Button>
      </form>
    </section>
  )
}
