import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { lazy, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { sessionQueryOptions } from '../../lib/api.ts'
import { onApiEvent } from '../../lib/api-events.ts'
import { signOut } from '../../lib/auth-client.ts'
import { resetAfterIdentityChange, safeRedirect, useSession } from '../../lib/session.ts'
import { setShownPair } from '../../lib/shown-pair.ts'

/** Shows nothing until two minutes before the session would end, so it loads only when someone signs in. */
const IdleTimeout = lazy(() =>
  import('../../features/session/idle-timeout.tsx').then((file) => ({ default: file.IdleTimeout })),
)

/** How long the "Du har bytt roll i en annan flik" message shows before the page reloads. */
const RELOAD_AFTER_MS = 2_000

/**
 * What the frame does about the session whatever page is shown:
 * - a call refused because the role was switched in another tab (ROLE_CHANGED): say so, then reload;
 * - a call refused because the session is gone (UNAUTHORIZED): forget it and let the route guards send
 *   a page that needs sign-in to "Logga in";
 * - the idle timeout (WCAG 2.2.1): warn two minutes ahead, then log out.
 */
export function SessionWatch() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const router = useRouter()
  const session = useSession()
  const [roleChanged, setRoleChanged] = useState(false)

  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type === 'roleChanged') setRoleChanged(true)
        else if (queryClient.getQueryData(sessionQueryOptions().queryKey) !== null) {
          setShownPair(null)
          queryClient.setQueryData(sessionQueryOptions().queryKey, null)
          void router.invalidate()
        }
      }),
    [queryClient, router],
  )

  useEffect(() => {
    if (!roleChanged) return
    const timer = window.setTimeout(() => window.location.reload(), RELOAD_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [roleChanged])

  async function timedOut(idleMinutes: number) {
    const redirect = safeRedirect(router.state.location.href)
    // The server has ended the session or is about to; this also clears the browser's cookie.
    await signOut().catch(() => undefined)
    setShownPair(null)
    await router.navigate({
      to: '/logga-in',
      search: redirect && redirect !== '/' ? { redirect } : {},
      state: { signInNotice: 'idle', idleMinutes },
    })
    await resetAfterIdentityChange(queryClient)
  }

  const idleTimeoutMs = session.data?.idleTimeoutMs
  return (
    <>
      {roleChanged ? (
        <Alert tone="error">
          <p>{t('apiErrors.ROLE_CHANGED')}</p>
          <Button variant="secondary" onClick={() => window.location.reload()}>
            {t('session.reloadNow')}
          </Button>
        </Alert>
      ) : null}
      {idleTimeoutMs ? (
        <Suspense fallback={null}>
          <IdleTimeout
            key={session.data?.user.id}
            idleTimeoutMs={idleTimeoutMs}
            onTimedOut={() => void timedOut(Math.round(idleTimeoutMs / 60_000))}
          />
        </Suspense>
      ) : null}
    </>
  )
}
