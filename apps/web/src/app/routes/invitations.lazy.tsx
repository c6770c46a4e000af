import { createLazyRoute } from '@tanstack/react-router'
import { InvitationsPage } from '../../features/invitations/invitations-page.tsx'

export const invitationsLazyRoute = createLazyRoute('/inbjudningar')({ component: InvitationsPage })
