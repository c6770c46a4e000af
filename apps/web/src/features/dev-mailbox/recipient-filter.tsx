import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { TextField } from '../../components/ui/text-field.tsx'

/** Filters the mailbox by recipient when the form is sent (never while typing). */
export function RecipientFilter({
  recipient,
  onFilter,
}: {
  recipient: string | undefined
  onFilter: (recipient: string | undefined) => void
}) {
  const { t } = useTranslation()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = new FormData(event.currentTarget).get('recipient')
    const trimmed = typeof value === 'string' ? value.trim() : ''
    onFilter(trimmed || undefined)
  }

  return (
    <search aria-label={t('devMailbox.filterLegend')} className="mb-6 block">
      <form onSubmit={submit}>
        {/* The key resets the field when the filter changes from elsewhere (back button, "Visa alla"). */}
        <TextField
          key={recipient ?? ''}
          name="recipient"
          type="search"
          autoComplete="off"
          spellCheck={false}
          defaultValue={recipient ?? ''}
          label={t('devMailbox.recipientLabel')}
          hint={t('devMailbox.recipientHint')}
        />
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Button type="submit">{t('devMailbox.filterSubmit')}</Button>
          {recipient ? (
            <Button variant="secondary" onClick={() => onFilter(undefined)}>
              {t('devMailbox.filterClear')}
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  )
}
