import { ZAddCaseOfficerInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  PersonEmailField,
  PersonNameField,
  PersonUsernameField,
  usePersonValues,
} from '../../components/person-fields.tsx'
import { FormDialog } from '../../components/ui/form-dialog.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import {
  type FieldMessages,
  hasMessages,
  personFieldErrors,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { endOfStockholmDay, stockholmDay } from '../../lib/stockholm-day.ts'
import { useTRPC } from '../../lib/trpc.ts'
import type { CaseOfficerKind } from './case-officer-query.ts'

const FIELD_IDS = {
  name: 'case-officer-name',
  organizationName: 'case-officer-organization',
  username: 'case-officer-username',
  email: 'case-officer-email',
  endsAt: 'case-officer-ends-at',
} as const

type Field = keyof typeof FIELD_IDS

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
  // The seed asks for Användarnamn before E-post, so it is not filled in from the address below it.
  const person = usePersonValues({ usernameFollowsEmail: false })
  const [organizationName, setOrganizationName] = useState('')
  const endsAtRef = useRef<HTMLInputElement>(null)
  const fields = useFieldErrors(FIELD_IDS)
  const [failed, setFailed] = useState(false)
  const external = kind === 'external'

  function submit() {
    setFailed(false)
    const next: FieldMessages<Field> = {}

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

    const raw = external ? { kind, ...person.values, organizationName, endsAt } : { kind, ...person.values }
    const result = validate(ZAddCaseOfficerInput, raw)
    if (!result.ok) {
      const { endsAt: _dateIssue, ...issues } = result.issues
      Object.assign(next, personFieldErrors(t, issues, raw, FIELD_IDS))
    }
    if (!result.ok || hasMessages(next)) {
      fields.show(next)
      return
    }
    const input = result.data
    fields.clear()
    add.mutate(input, {
      onSuccess: () => onSaved({ name: input.name, username: input.username }),
      onError: (error) => {
        const found = serverFieldErrors(t, error, FIELD_IDS)
        if (hasMessages(found)) fields.show(found)
        else setFailed(true)
      },
    })
  }

  return (
    <FormDialog
      title={external ? t('caseOfficers.dialog.externalTitle') : t('caseOfficers.dialog.internalTitle')}
      errors={fields.summary}
      attempt={fields.attempt}
      failed={failed}
      error={add.error}
      busy={add.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <PersonNameField
        id={FIELD_IDS.name}
        hint={t('caseOfficers.dialog.nameHint')}
        error={fields.errors.name}
        {...person.name}
      />
      {external ? (
        <TextField
          id={FIELD_IDS.organizationName}
          label={t('caseOfficers.dialog.organizationLabel')}
          hint={t('caseOfficers.dialog.organizationHintExternal')}
          error={fields.errors.organizationName}
          autoComplete="off"
          value={organizationName}
          onChange={(event) => setOrganizationName(event.target.value)}
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
      <PersonUsernameField
        id={FIELD_IDS.username}
        hint={t('caseOfficers.dialog.usernameHint')}
        error={fields.errors.username}
        {...person.username}
      />
      <PersonEmailField
        id={FIELD_IDS.email}
        hint={t('caseOfficers.dialog.emailHint')}
        error={fields.errors.email}
        {...person.email}
      />
      {external ? (
        <TextField
          ref={endsAtRef}
          id={FIELD_IDS.endsAt}
          type="date"
          label={t('caseOfficers.dialog.endsAtLabel')}
          hint={t('caseOfficers.dialog.endsAtHint')}
          error={fields.errors.endsAt}
          min={stockholmDay()}
          className="max-w-[14rem]"
        />
      ) : null}
    </FormDialog>
  )
}
