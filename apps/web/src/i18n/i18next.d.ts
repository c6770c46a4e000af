import 'i18next'
import type { sv } from './sv.ts'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof sv }
  }
}
