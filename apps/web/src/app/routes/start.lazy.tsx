import { createLazyRoute } from '@tanstack/react-router'
import { StartPage } from '../../features/portal/start-page.tsx'

export const startLazyRoute = createLazyRoute('/')({ component: StartPage })
