import { useTranslation } from 'react-i18next'
import { isLanguage, type Language } from '../../i18n/i18n.ts'

/** The page's language, for texts that come in both (offerings, field labels, terms). */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'sv'
}
