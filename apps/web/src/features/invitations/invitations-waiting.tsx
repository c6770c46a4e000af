import { useQuery } from '@tanstack/react-query'
import { Link, useRouterState } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { invitationListQueryOptions } from '../../lib/api.ts'
import { useSession } from '../../lib/session.ts'

/** The pages that show the invitations themselves. */
const PAGES_WITH_INVITATIONS = new Set(['/inbjudningar', '/valj-roll'])

/** A line at the top of every other page while invitations wait, linking to "Inbjudningar". */
export function InvitationsWaiting() {
  const { t } = useTranslation()
  const session = useSession()
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname })
  const invitations = useQuery({
    ...invitationListQueryOptions(),
    enabled: Boolean(session.data),
  })
  const count = invitations.data?.filter((invitation) => !invitation.expired).length ?? 0
  if (count === 0 || (pathname && PAGES_WITH_INVITATIONS.has(pathname))) return null
  return (
    <Alert tone="notice">
      <p>
        {t('invitations.waiting', { count })} <Link to="/inbjudningar">{t('invitations.waitingLink')}</Link>
      </p>
    </Alert>
  )
}
