import { createLazyRoute } from '@tanstack/react-router'
import { SessionsPage } from '../../features/session/sessions-page.tsx'

export const mySessionsLazyRoute = createLazyRoute('/mina-inloggningar')({ component: SessionsPage })
