import i18next, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { svWithPage } from './sv.ts'

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
 * Swedish comes with the page; English, which most people never see, is fetched whole when it is first
 * needed (i18next waits for it before it switches, so a page is never half in each language).
 */
const laterLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, {})
    import('./en.ts').then(
      ({ en }) => callback(null, en),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    )
  },
}

/**
 * Starts i18next with the remembered language (Swedish by default); resolves once that language's texts
 * are there, so render after it. Every change of language is remembered in localStorage and set as
 * `<html lang>`, so screen readers pronounce the page correctly.
 */
export async function setupI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
    try {
      window.localStorage.setItem(STORAGE_KEY, language)
    } catch {
      // Private browsing may forbid storage; the choice then lasts until the page is reloaded.
    }
  })
  await i18next
    .use(laterLanguages)
    .use(initReactI18next)
    .init({
      resources: { sv: { translation: svWithPage } },
      partialBundledLanguages: true,
      lng: rememberedLanguage(),
      fallbackLng: 'sv',
      supportedLngs: LANGUAGES,
      initAsync: false,
      interpolation: { escapeValue: false },
    })
  return i18next
}

/** Swedish texts fetched by the routes that need them; Swedish whatever the language, as it is the fallback. */
function laterSwedishTexts(load: () => Promise<Record<string, unknown>>): () => Promise<void> {
  let loaded: Promise<void> | undefined
  return () => {
    loaded ??= load().then(
      (texts) => {
        i18next.addResourceBundle('sv', 'translation', texts, true, false)
      },
      (error: unknown) => {
        loaded = undefined
        throw error
      },
    )
    return loaded
  }
}

/**
 * The Swedish texts of the administration pages ("Medlemmar", "Logg", "Registrera handläggare", "Support:
 * Ansvarig"), which only administrators and provider staff see: those routes' loaders await this, so the
 * page never shows a key. English has them in `en.ts`.
 */
export const loadAdminTexts = laterSwedishTexts(() => import('./admin.sv.ts').then((file) => file.adminSv))

/** The Swedish texts of ordering and of "Priser och villkor", awaited by those routes' loaders likewise. */
export const loadOrderTexts = laterSwedishTexts(() => import('./orders.sv.ts').then((file) => file.ordersSv))

/** The Swedish texts of the order queues ("Hantera beställningar", "Granska beställningar"), likewise. */
export const loadQueueTexts = laterSwedishTexts(() => import('./queues.sv.ts').then((file) => file.queuesSv))

/** The Swedish texts of provider support's cases ("Ärenden", a case, "Registrera telefonärende"), likewise. */
export const loadSupportCaseTexts = laterSwedishTexts(() =>
  import('./support-cases.sv.ts').then((file) => file.supportCasesSv),
)

/** The Swedish texts of cases ("Skapa ärende", "Mina ärenden", the case page and its parts), likewise. */
export const loadCaseTexts = laterSwedishTexts(() => import('./cases.sv.ts').then((file) => file.casesSv))
