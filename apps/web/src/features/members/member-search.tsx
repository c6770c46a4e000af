import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { TextField } from '../../components/ui/text-field.tsx'

/** Searches the members by name, e-mail address or username when the form is sent (never while typing). */
export function MemberSearch({
  search,
  onSearch,
}: {
  search: string | undefined
  onSearch: (search: string | undefined) => void
}) {
  const { t } = useTranslation()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = new FormData(event.currentTarget).get('search')
    const trimmed = typeof value === 'string' ? value.trim() : ''
    onSearch(trimmed || undefined)
  }

  return (
    <search aria-label={t('members.searchLegend')} className="mb-6 block">
      <form onSubmit={submit}>
        {/* The key resets the field when the search changes from elsewhere (back button, "Visa alla"). */}
        <TextField
          key={search ?? ''}
          name="search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          defaultValue={search ?? ''}
          label={t('members.searchLabel')}
          hint={t('members.searchHint')}
        />
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Button type="submit">{t('members.searchSubmit')}</Button>
          {search ? (
            <Button variant="secondary" onClick={() => onSearch(undefined)}>
              {t('members.searchClear')}
            </Button>
          ) : null}
        </div>
      </form>
      <p role="status" className={search ? 'mt-3' : 'sr-only'}>
        {search ? t('members.searchShowing', { search }) : ''}
      </p>
    </search>
  )
}
