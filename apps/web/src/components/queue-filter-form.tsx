import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../i18n/i18n.ts'
import { ORDER_STATUS_FILTERS, type OrderStatus } from '../lib/order-status.ts'
import { Button } from './ui/button.tsx'
import { SelectField } from './ui/select-field.tsx'

export interface FilterChoice {
  id: string
  label: string
}

type Show = 'waiting' | 'all'

/**
 * What a queue shows: only the orders waiting for the caller, or every order (`all`, and then optionally of
 * one status); of one offering or all; from one organisation or all.
 */
export interface QueueFilter {
  all?: boolean | undefined
  /** Only with `all`: the orders waiting are all in progress. */
  status?: OrderStatus | undefined
  offeringId?: string | undefined
  organizationId?: string | undefined
}

/** The offerings to filter a queue by, by their names in the page's language, in its alphabetical order. */
export function offeringChoices(
  offerings: readonly { id: string; name: Record<Language, string> }[],
  language: Language,
): FilterChoice[] {
  return offerings
    .map((offering) => ({ id: offering.id, label: offering.name[language] }))
    .sort((a, b) => a.label.localeCompare(b.label, language))
}

/**
 * What narrowed an empty queue, so its text can say which choice to undo: the offering, the organisation,
 * the status (only with `all`), or several of them; null when nothing did.
 */
export function narrowedBy(filter: QueueFilter): 'offering' | 'organization' | 'status' | 'several' | null {
  const chosen = [
    filter.offeringId ? ('offering' as const) : null,
    filter.organizationId ? ('organization' as const) : null,
    filter.all && filter.status ? ('status' as const) : null,
  ].filter((one) => one !== null)
  if (chosen.length === 0) return null
  return chosen.length === 1 && chosen[0] ? chosen[0] : 'several'
}

/** How a queue words its filter row: its "Visa" choices and what it calls the ordering organisations. */
export interface QueueFilterWords {
  showWaiting: string
  showAll: string
  /** The organisation field's name in the form (and so in its label's association). */
  organizationField: string
  organizationLabel: string
  allOrganizations: string
}

/**
 * The filter row of a queue ("Hantera beställningar", "Granska beställningar"): which orders (those waiting,
 * or all, then of one status if asked), one offering and one organisation among the orders once those are
 * listed. Applied on "Filtrera", not while choosing; the status list shows as soon as "all" is chosen.
 */
export function QueueFilterForm(props: {
  filter: QueueFilter
  words: QueueFilterWords
  /** The offerings to choose from; without them there is no offering filter. */
  offerings: readonly FilterChoice[] | undefined
  /** The organisations to choose from; without them there is no organisation filter. */
  organizations: readonly FilterChoice[] | undefined
  onFilter: (filter: QueueFilter) => void
}) {
  const { filter } = props
  // A new filter (Filtrera, "Tillbaka", a link) starts the fields over from it.
  const key = [filter.all ? 'all' : 'waiting', filter.status, filter.offeringId, filter.organizationId].join()
  return <FilterFields key={key} {...props} />
}

function FilterFields({
  filter,
  words,
  offerings,
  organizations,
  onFilter,
}: Parameters<typeof QueueFilterForm>[0]) {
  const { t } = useTranslation()
  const [show, setShow] = useState<Show>(filter.all ? 'all' : 'waiting')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const all = form.get('show') === 'all'
    onFilter({
      all,
      status: all ? ORDER_STATUS_FILTERS.find((one) => one === form.get('status')) : undefined,
      offeringId: offerings?.find((one) => one.id === form.get('offering'))?.id,
      organizationId: organizations?.find((one) => one.id === form.get(words.organizationField))?.id,
    })
  }

  return (
    <FilterRow legend={t('queues.filterLegend')} submitLabel={t('queues.filterSubmit')} onSubmit={submit}>
      <SelectField
        name="show"
        label={t('queues.showLabel')}
        value={show}
        onChange={(event) => setShow(event.target.value === 'all' ? 'all' : 'waiting')}
        className="max-w-80"
        options={[
          { value: 'waiting', label: words.showWaiting },
          { value: 'all', label: words.showAll },
        ]}
      />
      {show === 'all' ? (
        <SelectField
          name="status"
          label={t('queues.statusLabel')}
          defaultValue={filter.status ?? ''}
          className="max-w-60"
          options={[
            { value: '', label: t('queues.allStatuses') },
            ...ORDER_STATUS_FILTERS.map((one) => ({ value: one, label: t(`queues.statuses.${one}`) })),
          ]}
        />
      ) : null}
      {offerings ? (
        <SelectField
          name="offering"
          label={t('queues.offeringLabel')}
          defaultValue={filter.offeringId ?? ''}
          className="max-w-96"
          options={[
            { value: '', label: t('queues.allOfferings') },
            ...offerings.map((offering) => ({ value: offering.id, label: offering.label })),
          ]}
        />
      ) : null}
      {organizations ? (
        <SelectField
          name={words.organizationField}
          label={words.organizationLabel}
          defaultValue={filter.organizationId ?? ''}
          className="max-w-80"
          options={[
            { value: '', label: words.allOrganizations },
            ...organizations.map((organization) => ({ value: organization.id, label: organization.label })),
          ]}
        />
      ) : null}
    </FilterRow>
  )
}

/**
 * A queue's filter row itself: its fields side by side in a fieldset named for screen readers, then
 * "Filtrera". Applied on submit, not while choosing. QueueFilterForm fills it for the order queues; a
 * queue of other things (the support's "Ärenden") gives its own fields.
 */
export function FilterRow({
  legend,
  submitLabel,
  onSubmit,
  children,
}: {
  legend: string
  submitLabel: string
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  children: ReactNode
}) {
  return (
    <form onSubmit={onSubmit} className="mb-6">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">{legend}</legend>
        {children}
        <Button type="submit" variant="secondary">
          {submitLabel}
        </Button>
      </fieldset>
    </form>
  )
}
