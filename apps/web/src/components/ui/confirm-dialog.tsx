import type { ReactNode } from 'react'
import { Button } from './button.tsx'
import { Dialog } from './dialog.tsx'

/**
 * Asks before an action, naming what it affects ("Ta bort Test Testsson som handläggare?"). Focus starts
 * on the safe choice; `problem` shows why the action failed, if it did. The confirming button is red
 * unless the action only adds something (`destructive={false}`).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  cancelLabel,
  busy,
  problem,
  onConfirm,
  onClose,
  returnFocus,
  destructive = true,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  busyLabel: string
  cancelLabel: string
  busy: boolean
  problem?: ReactNode
  onConfirm: () => void
  onClose: () => void
  returnFocus?: () => HTMLElement | null | undefined
  destructive?: boolean
}) {
  return (
    <Dialog title={title} onClose={onClose} returnFocus={returnFocus}>
      {problem}
      <div className="mb-6 space-y-3">{children}</div>
      <div className="flex flex-wrap gap-4">
        <Button
          variant={destructive ? 'warning' : 'primary'}
          aria-disabled={busy}
          onClick={() => (busy ? undefined : onConfirm())}
        >
          {busy ? busyLabel : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {cancelLabel}
        </Button>
      </div>
    </Dialog>
  )
}
