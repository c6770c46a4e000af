import { Link, useRouterState } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RoleSwitcher } from '../../features/session/role-switcher.tsx'
import { safeRedirect, usePairLabel, useSession, useSignOut } from '../../lib/session.ts'

const linkClass =
  'inline-flex min-h-11 items-center px-1 font-semibold text-white underline underline-offset-4 visited:text-white hover:decoration-2'
const buttonClass =
  'inline-flex min-h-11 items-center px-1 font-semibold text-white underline underline-offset-4 hover:decoration-2'

/** "Logga in" in the header for someone not signed in, coming back to this page afterwards. */
export function SignInLink() {
  const { t } = useTranslation()
  const session = useSession()
  const href = useRouterState({ select: (state) => state.location.href })
  if (session.isPending || session.data) return null
  const redirect = safeRedirect(href)
  return (
    <Link
      to="/logga-in"
      search={redirect && redirect !== '/' ? { redirect } : {}}
      className={linkClass}
      activeOptions={{ includeSearch: false }}
    >
      {t('session.signIn')}
    </Link>
  )
}

/**
 * The header's account part when signed in: who and as what ("Attestant hos Region Norrby (demo)"),
 * "Byt till …", "Mina uppgifter", "Mina inloggningar" and "Logga ut".
 */
export function AccountBar() {
  const { t } = useTranslation()
  const session = useSession()
  const pairLabel = usePairLabel()
  const signOut = useSignOut()
  const [signOutFailed, setSignOutFailed] = useState(false)

  if (!session.data) return null

  const { user, active, pairs } = session.data
  return (
    <nav aria-label={t('session.account')} className="w-full border-white/30 border-t pt-2">
      <p className="flex flex-wrap gap-x-2">
        <span className="font-bold">{user.name}</span>
        {active ? <span>{pairLabel(active)}</span> : null}
      </p>
      <ul className="flex flex-wrap items-center gap-x-4">
        {active ? (
          <li>
            <RoleSwitcher session={session.data} />
          </li>
        ) : pairs.length > 0 ? (
          <li>
            <Link to="/valj-roll" className={linkClass}>
              {t('session.chooseRoleLink')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/mina-uppgifter" className={linkClass}>
            {t('session.myDetails')}
          </Link>
        </li>
        <li>
          <Link to="/mina-inloggningar" className={linkClass}>
            {t('session.mySessions')}
          </Link>
        </li>
        <li>
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              setSignOutFailed(false)
              signOut().catch(() => setSignOutFailed(true))
            }}
          >
            {t('session.signOut')}
          </button>
        </li>
      </ul>
      <p role="status" className={signOutFailed ? 'font-semibold' : 'sr-only'}>
        {signOutFailed ? t('session.signOutFailed') : ''}
      </p>
    </nav>
  )
}
