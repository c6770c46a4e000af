import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { sv } from './sv.ts'

export const LANGUAGES = ['sv', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language named in itself, as language switches show them. */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: 'Svenska', en: 'English' }

const STORAGE_KEY = 'kundnav.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : 'sv'
  } catch {
    return 'sv'
  }
}

/**
 * Starts i18next with the remembered language (Swedish by default). Every change of language is
 * remembered in localStorage and set as `<html lang>`, so screen readers pronounce the page correctly.
 */
export function setupI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
    try {
      window.localStorage.setItem(STORAGE_KEY, language)
    } catch {
      // Private browsing may forbid storage; the choice then lasts until the page is reloaded.
    }
  })
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: rememberedLanguage(),
    fallbackLng: 'sv',
    supportedLngs: LANGUAGES,
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  return i18next
}
