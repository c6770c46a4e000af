import type { AppRouter } from '@kundnav/api'
import { ZUpdateMeInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { formValues, hasMessages, serverFieldErrors, useFieldErrors, validate } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcFieldErrors } from '../../lib/trpc-error.ts'

type Me = inferRouterOutputs<AppRouter>['me']['get']

const FIELD_IDS = { name: 'me-name', mobile: 'me-mobile' } as const

/** Name and mobile number, the two things a person edits about themselves. */
export function DetailsForm({ me }: { me: Me }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const update = useMutation(trpc.me.update.mutationOptions())
  const fields = useFieldErrors(FIELD_IDS)
  const [saved, setSaved] = useState(false)
  const headingId = useId()

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
        mobile: result.issues.mobile ? t('me.mobileInvalid') : undefined,
      })
      return
    }
    fields.clear()
    update.mutate(result.data, {
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.me.get.queryKey(), updated)
        setSaved(true)
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
        <TextField
          id={FIELD_IDS.mobile}
          name="mobile"
          type="tel"
          label={t('me.mobile')}
          hint={t('me.mobileHint')}
          error={fields.errors.mobile}
          autoComplete="tel"
          className="max-w-xs"
          defaultValue={me.mobile ?? ''}
        />
        <Button type="submit" aria-disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('me.save')}
        </Button>
      </form>
    </section>
  )
}
