import { MAX_FILE_BYTES, MAX_FILES_PER_CASE } from '@kundnav/schemas'
import { type ChangeEvent, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { describedBy, FieldHelp } from '../../components/ui/field-help.tsx'
import { formatFileSize, usePageLanguage } from './case-format.ts'
import type { FileUploads, UploadItem } from './use-file-uploads.ts'

/**
 * "Bifoga filer" (seed 002): a file input for several files, each uploaded as soon as it is chosen
 * (`useFileUploads`), and the list of chosen files. A finished file has a green dot to the left of its
 * name (its text alternative "Uppladdad"), one on its way says "Laddar upp …", a refused one says why in
 * the server's words; each has "Ta bort". Changes are read out by a live region. `id` goes on the file
 * input, so an error summary can link to it.
 */
export function FileUploadField({
  id,
  uploads,
  label,
  hint,
  error,
  optional = false,
}: {
  id: string
  uploads: FileUploads
  label?: string | undefined
  hint?: string | undefined
  error?: string | undefined
  /** Marks the label "(valfritt)" (UX.md: required is the default). */
  optional?: boolean
}) {
  const { t } = useTranslation()
  const language = usePageLanguage()
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const shownHint =
    hint ??
    t('cases.files.hint', { count: MAX_FILES_PER_CASE, size: formatFileSize(MAX_FILE_BYTES, language) })
  const shownLabel = label ?? (optional ? t('cases.files.labelOptional') : t('cases.files.label'))

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = event.currentTarget.files
    if (files) uploads.add(Array.from(files))
    // The same file can be chosen again after it was removed.
    event.currentTarget.value = ''
  }

  function remove(item: UploadItem) {
    uploads.remove(item.key)
    inputRef.current?.focus()
  }

  return (
    <div className={`space-y-2 ${error ? 'border-error border-l-4 pl-3' : ''}`}>
      <label htmlFor={id} className="block font-semibold">
        {shownLabel}
      </label>
      <FieldHelp id={id} hint={shownHint} error={error} />
      {/* The native button would say "Välj filer" in the browser's language: the input is hidden from view
          (still focusable, labelled "Bifoga filer" above) and a label of the page's language opens it. */}
      <div>
        <input
          ref={inputRef}
          id={id}
          type="file"
          multiple
          aria-describedby={describedBy(id, shownHint, error)}
          aria-invalid={error ? true : undefined}
          onChange={choose}
          className="peer sr-only"
        />
        <label
          htmlFor={id}
          aria-hidden="true"
          className="inline-flex min-h-11 cursor-pointer items-center rounded border-2 border-ink border-dashed bg-surface px-4 py-2 font-semibold text-ink hover:bg-white peer-focus:shadow-[0_0_0_6px_var(--color-ink)] peer-focus:outline-3 peer-focus:outline-[var(--color-focus)] peer-focus:outline-solid"
        >
          {t('cases.files.choose')}
        </label>
      </div>
      {uploads.items.length > 0 ? (
        <ul
          id={listId}
          aria-label={t('cases.files.listLabel')}
          aria-busy={uploads.busy > 0}
          className="max-w-2xl divide-y divide-line border-line border-y"
        >
          {uploads.items.map((item) => (
            <li key={item.key} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <span className="flex min-w-0 flex-1 items-center gap-2">
                <UploadMark state={item.state} />
                <span className="break-all">{item.name}</span>
                <span className="whitespace-nowrap text-ink-muted">
                  {formatFileSize(item.size, language)}
                </span>
              </span>
              <button
                type="button"
                onClick={() => remove(item)}
                className="min-h-11 font-semibold text-link underline"
              >
                {t('cases.files.remove')}
                <span className="sr-only"> {item.name}</span>
              </button>
              {item.state === 'failed' && item.problem ? (
                <p className="basis-full font-bold text-error">
                  {t('cases.files.failed')}: {item.problem}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {uploads.announcements.map((one) => (
          <span key={one.key}>{one.text} </span>
        ))}
      </p>
      {uploads.busy > 0 ? (
        <p className="text-ink-muted" aria-hidden="true">
          {t('cases.files.busy', { count: uploads.busy })}
        </p>
      ) : null}
    </div>
  )
}

/** The green dot of an uploaded file (seed 002), named "Uppladdad"; "Laddar upp …" or a cross otherwise. */
function UploadMark({ state }: { state: UploadItem['state'] }) {
  const { t } = useTranslation()
  if (state === 'done') {
    return (
      <span
        role="img"
        aria-label={t('cases.files.uploaded')}
        title={t('cases.files.uploaded')}
        className="inline-block size-3.5 shrink-0 rounded-full bg-[#00703c]"
      />
    )
  }
  if (state === 'uploading') {
    return (
      <span className="whitespace-nowrap text-ink-muted">
        <span
          aria-hidden="true"
          className="mr-1 inline-block size-3.5 rounded-full border-2 border-ink-muted border-t-transparent align-[-2px] motion-safe:animate-spin"
        />
        {t('cases.files.uploading')}
      </span>
    )
  }
  return (
    <span role="img" aria-label={t('cases.files.failed')} className="font-bold text-error">
      ✕
    </span>
  )
}
