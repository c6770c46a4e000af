import { createLazyRoute } from '@tanstack/react-router'
import { MyDetailsPage } from '../../features/me/my-details-page.tsx'

export const myDetailsLazyRoute = createLazyRoute('/mina-uppgifter')({ component: MyDetailsPage })
