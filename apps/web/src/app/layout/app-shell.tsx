import { can } from '@kundnav/schemas/permissions'
import { useQuery } from '@tanstack/react-query'
import { Link, Outlet, useRouterState } from '@tanstack/react-router'
import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '../../components/ui/status-message.tsx'
import { InvitationsWaiting } from '../../features/invitations/invitations-waiting.tsx'
import { portalInfoQueryOptions } from '../../lib/api.ts'
import { pageShown, useNotice } from '../../lib/notice.ts'
import { asRole, useSession } from '../../lib/session.ts'
import { AccountBar, SignInLink } from './account-bar.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { NAV_ITEMS } from './nav-items.ts'
import { SessionWatch } from './session-watch.tsx'

export const MAIN_ID = 'innehall'

const navLinkClass =
  'inline-block min-h-11 px-1 py-3 font-semibold text-ink no-underline visited:text-ink hover:underline aria-[current=page]:border-b-4 aria-[current=page]:border-brand'

/** The frame around every page: skip link, header, navigation, main content and footer. */
export function AppShell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const info = useQuery(portalInfoQueryOptions())
  const session = useSession()
  const activeRole = asRole(session.data?.active?.role)
  const mainRef = useRef<HTMLElement>(null)
  // The page shown: it changes when the new page (with its code, which loads on demand) is ready, not when
  // the address does.
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname })
  const firstPage = useRef(true)
  const notice = useNotice()

  // A notice given on another page ("Du är nu …") goes once this one is shown.
  useEffect(() => {
    if (pathname !== undefined) pageShown(pathname)
  }, [pathname])

  // After a page change inside the app, move focus to the new page's heading (or main), as a full page
  // load would start reading from the top; on the first load the browser's own focus is left alone.
  useEffect(() => {
    if (pathname === undefined) return
    if (firstPage.current) {
      firstPage.current = false
      return
    }
    const frame = requestAnimationFrame(() => {
      const heading = mainRef.current?.querySelector<HTMLElement>('h1')
      ;(heading ?? mainRef.current)?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [pathname])

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault()
    mainRef.current?.focus()
    mainRef.current?.scrollIntoView()
  }

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href={`#${MAIN_ID}`}
        onClick={skipToMain}
        className="sr-only bg-focus text-ink underline visited:text-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:p-3"
      >
        {t('shell.skipLink')}
      </a>
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link
            to="/"
            className="py-2 font-bold text-2xl text-white no-underline visited:text-white hover:underline"
          >
            {t('shell.portalName')}
          </Link>
          <div className="flex flex-wrap items-center gap-x-4">
            <LanguageSwitch />
            <SignInLink />
          </div>
          <AccountBar />
        </div>
      </header>
      <nav aria-label={t('shell.mainNav')} className="border-line border-b bg-surface">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 px-4">
          <li>
            <Link to="/" className={navLinkClass} activeOptions={{ exact: true }}>
              {t('shell.navStart')}
            </Link>
          </li>
          {/* Only what the active role may use; the server refuses the rest anyway. */}
          {NAV_ITEMS.filter((item) => can(activeRole, item.permission)).map((item) => (
            <li key={item.to}>
              <Link to={item.to} className={navLinkClass} activeOptions={{ exact: item.exact === true }}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main
        id={MAIN_ID}
        ref={mainRef}
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 text-lg leading-relaxed"
      >
        <SessionWatch />
        <InvitationsWaiting />
        {/* The frame's one live region for notices that concern the whole portal (lib/notice.ts). */}
        <StatusMessage message={notice?.message ?? null} />
        {children ?? <Outlet />}
      </main>
      <footer className="border-brand border-t-4 bg-surface">
        <div className="mx-auto max-w-5xl space-y-2 px-4 py-6">
          {info.data?.demoMode ? (
            <ul>
              <li>
                <Link to="/dev/mailbox">{t('shell.devMailbox')}</Link>
              </li>
            </ul>
          ) : null}
          <p className="text-ink-muted">{t('shell.footerAbout')}</p>
        </div>
      </footer>
    </div>
  )
}
