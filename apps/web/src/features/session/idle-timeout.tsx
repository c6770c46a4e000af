import { useMutation } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { loadTrpc } from '../../lib/api.ts'
import { lastApiActivity, recordApiActivity } from '../../lib/api-events.ts'

/** The warning comes this long before the session would end (WCAG 2.2.1: time to ask for more). */
export const WARNING_MS = 2 * 60_000

/**
 * The server writes a session's "last seen" at most every 30 s (packages/api/src/services/sessions.ts),
 * so its clock may have started up to that much before our last successful call. Counting from then
 * makes the page log out just before the server would, never after.
 */
const SERVER_TOUCH_SLACK_MS = 30_000

const TICK_MS = 1_000

/** Milliseconds left before the session ends for lack of activity (≤ 0: it has ended). */
export function idleTimeLeft(idleTimeoutMs: number, lastActivity: number, now: number): number {
  return lastActivity + idleTimeoutMs - SERVER_TOUCH_SLACK_MS - now
}

/**
 * Watches the time since the last successful call (in any tab). Two minutes before the session would end
 * it shows "Du loggas snart ut" as a modal alert dialog; "Fortsätt vara inloggad" calls
 * `session.keepAlive`. When the time is up, `onTimedOut` takes the person to the sign-in page.
 */
export function IdleTimeout({
  idleTimeoutMs,
  onTimedOut,
}: {
  idleTimeoutMs: number
  onTimedOut: () => void
}) {
  const keepAlive = useMutation({
    mutationFn: async () => (await loadTrpc()).trpcClient.session.keepAlive.mutate(),
  })
  const [warning, setWarning] = useState(false)
  const timedOut = useRef(false)
  const onTimedOutRef = useRef(onTimedOut)
  onTimedOutRef.current = onTimedOut

  useEffect(() => {
    // Starting to watch counts as activity: the page has just talked to the server.
    if (lastApiActivity() === 0) recordApiActivity()
    function check() {
      const left = idleTimeLeft(idleTimeoutMs, lastApiActivity(), Date.now())
      if (left <= 0) {
        if (!timedOut.current) {
          timedOut.current = true
          setWarning(false)
          onTimedOutRef.current()
        }
        return
      }
      setWarning(left <= WARNING_MS)
    }
    check()
    const timer = window.setInterval(check, TICK_MS)
    return () => window.clearInterval(timer)
  }, [idleTimeoutMs])

  return (
    <IdleWarningDialog
      open={warning}
      minutes={Math.round(WARNING_MS / 60_000)}
      busy={keepAlive.isPending}
      failed={keepAlive.isError}
      onKeepAlive={() => {
        if (keepAlive.isPending) return
        keepAlive.mutate(undefined, { onSuccess: () => setWarning(false) })
      }}
    />
  )
}

/** `role="alertdialog"`, modal; focus moves to "Fortsätt vara inloggad", and Escape means the same. */
function IdleWarningDialog({
  open,
  minutes,
  busy,
  failed,
  onKeepAlive,
}: {
  open: boolean
  minutes: number
  busy: boolean
  failed: boolean
  onKeepAlive: () => void
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const textId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('button')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [open])

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault()
        onKeepAlive()
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] border-4 border-ink bg-white p-6 text-ink backdrop:bg-black/60"
    >
      {open ? (
        <>
          <h2 id={titleId} className="mb-4 font-bold text-2xl">
            {t('session.idleTitle')}
          </h2>
          <p id={textId} className="mb-6 text-lg">
            {t('session.idleText', { count: minutes })}
          </p>
          {failed ? <p className="mb-4 font-bold text-error">{t('common.loadFailed')}</p> : null}
          <Button onClick={onKeepAlive} aria-disabled={busy}>
            {t('session.keepAlive')}
          </Button>
        </>
      ) : null}
    </dialog>
  )
}
