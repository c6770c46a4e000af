import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The page's one `h1`. It also names the browser tab ("Utvecklingsbrevlåda – Kundnav") and can take
 * focus from code, which the app shell does after each page change.
 */
export function PageHeading({
  children,
  documentTitle,
  unbroken,
}: {
  children: string
  documentTitle?: string
  /** A part of the title kept on one line (a case number "2026-000123" would break at its hyphen). */
  unbroken?: string | undefined
}) {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = documentTitle ?? t('shell.pageTitle', { title: children })
  }, [children, documentTitle, t])
  return (
    <h1
      tabIndex={-1}
      className="mb-6 font-bold text-[1.75rem] leading-tight wrap-break-word hyphens-auto sm:text-4xl"
    >
      {unbroken && children.includes(unbroken) ? (
        <>
          {children.slice(0, children.indexOf(unbroken))}
          <span className="whitespace-nowrap">{unbroken}</span>
          {children.slice(children.indexOf(unbroken) + unbroken.length)}
        </>
      ) : (
        children
      )}
    </h1>
  )
}
