import { createLazyRoute } from '@tanstack/react-router'
import { PricesAndTermsPage } from '../../features/catalogue/prices-and-terms-page.tsx'

export const pricesAndTermsLazyRoute = createLazyRoute('/priser-och-villkor')({
  component: PricesAndTermsPage,
})
