import { ZAuditListInput } from '@kundnav/schemas'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { type FieldMessages, hasMessages, useFieldErrors } from '../../lib/form.ts'
import { ACTION_GROUPS, isActionPrefix } from './audit-actions.ts'
import { type AuditFilter, auditListInput } from './audit-query.ts'

const FIELD_IDS = { person: 'audit-person', action: 'audit-action', from: 'audit-from', to: 'audit-to' }
/** The fields that can be wrong: the days. */
const DATE_FIELD_IDS = { from: FIELD_IDS.from, to: FIELD_IDS.to }

export interface Person {
  userId: string
  name: string
  email: string
}

/** Filters the log by person, kind of event and a range of days, when the form is sent. */
export function AuditFilterForm({
  filter,
  people,
  onFilter,
}: {
  filter: AuditFilter
  people: readonly Person[]
  onFilter: (filter: AuditFilter) => void
}) {
  const { t } = useTranslation()
  const fields = useFieldErrors(DATE_FIELD_IDS)
  const filtered = Boolean(filter.person || filter.action || filter.from || filter.to)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const field = (name: string) =>
      form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null
    const value = (name: string) => field(name)?.value.trim() || undefined
    // A date input with a half-typed date reports an empty value, but knows it was given something.
    const badDate = (name: string) => {
      const input = field(name)
      return input instanceof HTMLInputElement && input.validity.badInput
    }

    const action = value('action')
    const next: AuditFilter = {
      person: value('person'),
      action: isActionPrefix(action) ? action : undefined,
      from: value('from'),
      to: value('to'),
    }
    const found: FieldMessages<'from' | 'to'> = {}
    if (badDate('from')) found.from = t('admin.validation.dateInvalid')
    if (badDate('to')) found.to = t('admin.validation.dateInvalid')
    const input = auditListInput(next)
    if (!found.from && next.from && !input.from) found.from = t('admin.validation.dateInvalid')
    if (!found.to && next.to && !input.to) found.to = t('admin.validation.dateInvalid')
    if (!found.from && !found.to && next.from && next.to && next.to < next.from) {
      found.to = t('admin.validation.dateRange')
    }
    if (hasMessages(found) || !ZAuditListInput.safeParse(input).success) {
      fields.show(found)
      return
    }
    fields.clear()
    onFilter(next)
  }

  return (
    <search aria-label={t('auditLog.filterLegend')} className="mb-6 block">
      {fields.summary.length > 0 ? <ErrorSummary key={fields.attempt} errors={fields.summary} /> : null}
      {/* The key resets the fields when the filter changes from elsewhere (back button, "Rensa filtret"). */}
      <form noValidate onSubmit={submit} key={JSON.stringify(filter)}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={FIELD_IDS.person}
            name="person"
            label={t('auditLog.personLabel')}
            defaultValue={filter.person ?? ''}
            options={[
              { value: '', label: t('auditLog.personAll') },
              ...people.map((person) => ({
                value: person.userId,
                label: `${person.name} (${person.email})`,
              })),
            ]}
          />
          <SelectField
            id={FIELD_IDS.action}
            name="action"
            label={t('auditLog.actionLabel')}
            defaultValue={filter.action ?? ''}
            options={[
              { value: '', label: t('auditLog.actionAll') },
              ...ACTION_GROUPS.map((group) => ({ value: group.prefix, label: t(group.label) })),
            ]}
          />
          <TextField
            id={FIELD_IDS.from}
            name="from"
            type="date"
            label={t('auditLog.fromLabel')}
            hint={t('auditLog.dateHint')}
            error={fields.errors.from}
            defaultValue={filter.from ?? ''}
            className="max-w-[14rem]"
          />
          <TextField
            id={FIELD_IDS.to}
            name="to"
            type="date"
            label={t('auditLog.toLabel')}
            hint={t('auditLog.dateHint')}
            error={fields.errors.to}
            defaultValue={filter.to ?? ''}
            className="max-w-[14rem]"
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit">{t('auditLog.filterSubmit')}</Button>
          {filtered ? (
            <Button
              variant="secondary"
              onClick={() => {
                fields.clear()
                onFilter({})
              }}
            >
              {t('auditLog.filterClear')}
            </Button>
          ) : null}
        </div>
      </form>
      <p role="status" className={filtered ? 'mt-3' : 'sr-only'}>
        {filtered ? t('auditLog.filtered') : ''}
      </p>
    </search>
  )
}
