import { createLazyRoute } from '@tanstack/react-router'
import { CreateCasePage } from '../../features/cases/create-case-page.tsx'

export const newCaseLazyRoute = createLazyRoute('/arenden/nytt')({ component: CreateCasePage })
