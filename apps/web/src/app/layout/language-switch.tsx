import { useTranslation } from 'react-i18next'
import { isLanguage, LANGUAGE_NAMES } from '../../i18n/i18n.ts'

/**
 * Offers the other language, named in that language ("English" on Swedish pages, "Svenska" on English
 * ones) and marked with its `lang` so screen readers pronounce it right. The choice is remembered.
 */
export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const current = isLanguage(i18n.language) ? i18n.language : 'sv'
  const other = current === 'sv' ? 'en' : 'sv'
  return (
    <button
      type="button"
      lang={other}
      onClick={() => void i18n.changeLanguage(other)}
      className="min-h-11 rounded px-3 py-2 font-semibold text-white underline underline-offset-4 hover:decoration-2"
    >
      {LANGUAGE_NAMES[other]}
    </button>
  )
}
