import type { ReactNode } from 'react'
import { Button } from './button.tsx'
import { Dialog } from './dialog.tsx'

/**
 * Asks before a destructive action, naming what it affects ("Ta bort Test Testsson som handläggare?").
 * Focus starts on the safe choice; `problem` shows why the action failed, if it did.
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
}) {
  return (
    <Dialog title={title} onClose={onClose} returnFocus={returnFocus}>
      {problem}
      <div className="mb-6 space-y-3">{children}</div>
      <div className="flex flex-wrap gap-4">
        <Button variant="warning" aria-disabled={busy} onClick={() => (busy ? undefined : onConfirm())}>
          {busy ? busyLabel : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {cancelLabel}
        </Button>
      </div>
    </Dialog>
  )
}
