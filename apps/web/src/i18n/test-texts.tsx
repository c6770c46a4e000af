import i18next from 'i18next'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { en } from './en.ts'
import { sv } from './sv.ts'

/** The portal's texts in both languages, ready on import: for unit tests (the app loads its texts lazily). */
export const testTexts = i18next.createInstance()
void testTexts.init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
  initAsync: false,
})

/** `element` rendered to HTML with the texts of `language`. */
export function renderInLanguage(element: ReactElement, language: 'sv' | 'en' = 'sv'): string {
  void testTexts.changeLanguage(language)
  return renderToStaticMarkup(<I18nextProvider i18n={testTexts}>{element}</I18nextProvider>)
}
