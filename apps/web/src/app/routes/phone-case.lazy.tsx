import { createLazyRoute } from '@tanstack/react-router'
import { PhoneCasePage } from '../../features/support-cases/phone-case-page.tsx'

export const phoneCaseLazyRoute = createLazyRoute('/support/arenden/telefonarende')({
  component: PhoneCasePage,
})
