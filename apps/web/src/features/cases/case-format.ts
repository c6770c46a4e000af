import { useTranslation } from 'react-i18next'
import { isLanguage, type Language } from '../../i18n/i18n.ts'

/** The page's language, for the texts that come in both (the topics' labels and help texts). */
export function usePageLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'sv'
}

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' }

/**
 * A file's size as people read it: "830 byte" (in English "830 bytes"), "12 kB", "4,2 MB" (in English "4.2 MB"), counted in 1024s
 * as file managers do, so the limit (MAX_FILE_BYTES, 20 × 1024 × 1024) reads "20 MB".
 */
export function formatFileSize(bytes: number, language: Language = 'sv'): string {
  const number = (value: number, digits: number) =>
    value.toLocaleString(LOCALES[language], { maximumFractionDigits: digits })
  if (bytes < 1024) return `${number(bytes, 0)} ${language === 'en' && bytes !== 1 ? 'bytes' : 'byte'}`
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} kB`
  return `${number(bytes / (1024 * 1024), 1)} MB`
}
