import { ZAddCaseOfficerInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { ErrorSummary, type FieldError } from '../../components/ui/error-summary.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { validate } from '../../lib/form.ts'
import { personFieldMessage } from '../../lib/person-field-errors.ts'
import { endOfStockholmDay, stockholmDay } from '../../lib/stockholm-day.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'
import type { CaseOfficerKind } from './case-officer-query.ts'

const FIELD_IDS = {
  name: 'case-officer-name',
  organizationName: 'case-officer-organization',
  username: 'case-officer-username',
  email: 'case-officer-email',
  endsAt: 'case-officer-ends-at',
} as const

type Field = keyof typeof FIELD_IDS

function isField(value: string): value is Field {
  return Object.hasOwn(FIELD_IDS, value)
}

/**
 * "Skapa ny intern handläggare" / "Skapa ny extern handläggare" (seed 000): Namn, Organisationsnamn
 * (the own organisation's, locked, for an internal one), Användarnamn, E-post, each with the seed's help
 * text; an external one may also get an end date, after which the access stops by itself.
 */
export function AddCaseOfficerDialog({
  kind,
  ownOrganizationName,
  onClose,
  onSaved,
}: {
  kind: CaseOfficerKind
  ownOrganizationName: string
  onClose: () => void
  onSaved: (person: { name: string; username: string }) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const add = useMutation(trpc.caseOfficer.add.mutationOptions())
  const [values, setValues] = useState({ name: '', organizationName: '', username: '', email: '' })
  const endsAtRef = useRef<HTMLInputElement>(null)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const external = kind === 'external'

  function showErrors(next: Partial<Record<Field, string>>) {
    setErrors(next)
    setAttempt((count) => count + 1)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (add.isPending) return
    setFailed(false)
    const next: Partial<Record<Field, string>> = {}

    // The end date: the last day of access, so the access ends when the next day begins (Swedish time).
    let endsAt: Date | null = null
    const endsAtInput = endsAtRef.current
    if (external && endsAtInput) {
      const day = endsAtInput.value
      if (endsAtInput.validity.badInput || (day && !endOfStockholmDay(day))) {
        next.endsAt = t('admin.validation.dateInvalid')
      } else if (day && day < stockholmDay()) {
        next.endsAt = t('admin.validation.endsAtPast')
      } else if (day) {
        endsAt = endOfStockholmDay(day)
      }
    }

    const raw = external
      ? {
          kind,
          name: values.name,
          organizationName: values.organizationName,
          username: values.username,
          email: values.email,
          endsAt,
        }
      : { kind, name: values.name, username: values.username, email: values.email }
    const result = validate(ZAddCaseOfficerInput, raw)
    if (!result.ok) {
      for (const [field, code] of Object.entries(result.issues)) {
        if (isField(field) && field !== 'endsAt' && code) {
          next[field] = personFieldMessage(t, field, code, values[field])
        }
      }
    }
    if (!result.ok || Object.keys(next).length > 0) {
      showErrors(next)
      return
    }
    const input = result.data
    setErrors({})
    add.mutate(input, {
      onSuccess: () => onSaved({ name: input.name, username: input.username }),
      onError: (error) => {
        const found: Partial<Record<Field, string>> = {}
        if (trpcAppCode(error) === 'USERNAME_TAKEN') found.username = t('admin.validation.usernameTaken')
        for (const [field, [message]] of Object.entries(trpcFieldErrors(error))) {
          if (isField(field) && message) found[field] ??= message
        }
        if (Object.keys(found).length > 0) showErrors(found)
        else setFailed(true)
      },
    })
  }

  const summary: FieldError[] = (Object.keys(FIELD_IDS) as Field[]).flatMap((field) => {
    const message = errors[field]
    return message ? [{ fieldId: FIELD_IDS[field], message }] : []
  })

  return (
    <Dialog
      title={external ? t('caseOfficers.dialog.externalTitle') : t('caseOfficers.dialog.internalTitle')}
      onClose={onClose}
    >
      <form noValidate onSubmit={submit} className="space-y-6">
        {summary.length > 0 ? (
          <ErrorSummary key={attempt} title={t('admin.errorSummaryTitle')} errors={summary} />
        ) : null}
        {failed ? (
          <Alert tone="error">
            <p>{t('admin.saveFailed')}</p>
          </Alert>
        ) : null}
        <TextField
          id={FIELD_IDS.name}
          label={t('caseOfficers.dialog.nameLabel')}
          hint={t('caseOfficers.dialog.nameHint')}
          error={errors.name}
          autoComplete="off"
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
          data-autofocus
        />
        {external ? (
          <TextField
            id={FIELD_IDS.organizationName}
            label={t('caseOfficers.dialog.organizationLabel')}
            hint={t('caseOfficers.dialog.organizationHintExternal')}
            error={errors.organizationName}
            autoComplete="off"
            value={values.organizationName}
            onChange={(event) => setValues({ ...values, organizationName: event.target.value })}
          />
        ) : (
          <TextField
            id={FIELD_IDS.organizationName}
            label={t('caseOfficers.dialog.organizationLabel')}
            hint={t('caseOfficers.dialog.organizationHintInternal')}
            value={ownOrganizationName}
            readOnly
            className="bg-surface!"
          />
        )}
        <TextField
          id={FIELD_IDS.username}
          label={t('caseOfficers.dialog.usernameLabel')}
          hint={t('caseOfficers.dialog.usernameHint')}
          error={errors.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          onChange={(event) => setValues({ ...values, username: event.target.value })}
        />
        <TextField
          id={FIELD_IDS.email}
          type="email"
          label={t('caseOfficers.dialog.emailLabel')}
          hint={t('caseOfficers.dialog.emailHint')}
          error={errors.email}
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
        />
        {external ? (
          <TextField
            ref={endsAtRef}
            id={FIELD_IDS.endsAt}
            type="date"
            label={t('caseOfficers.dialog.endsAtLabel')}
            hint={t('caseOfficers.dialog.endsAtHint')}
            error={errors.endsAt}
            min={stockholmDay()}
            className="max-w-[14rem]"
          />
        ) : null}
        <div className="flex flex-wrap gap-4">
          <Button type="submit" aria-disabled={add.isPending}>
            {add.isPending ? t('admin.saving') : t('admin.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
