import { type ReactNode, useEffect, useId, useRef } from 'react'

/**
 * A modal dialog on the native `<dialog>`, open while it is rendered: the rest of the page is inert, Tab
 * stays inside, and Escape calls `onClose`. Focus starts on the element marked `data-autofocus` (else the
 * first control) and, when the dialog closes, goes to `returnFocus()` or back to where it was.
 */
export function Dialog({
  title,
  children,
  onClose,
  returnFocus,
}: {
  title: string
  children: ReactNode
  onClose: () => void
  returnFocus?: (() => HTMLElement | null | undefined) | undefined
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // Read at close time, so the latest function is used.
  const returnFocusRef = useRef(returnFocus)
  returnFocusRef.current = returnFocus

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('button, [href], input, select, textarea')
    first?.focus()
    return () => {
      if (dialog.open) dialog.close()
      const target = returnFocusRef.current?.() ?? opener
      if (target?.isConnected) target.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      // The browser may close it without asking (Escape pressed twice quickly): tell the owner then too.
      onClose={(event) => {
        if (!event.currentTarget.open) onClose()
      }}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto border-4 border-ink bg-white p-6 text-ink backdrop:bg-black/60"
    >
      <h2 id={titleId} className="mb-4 font-bold text-2xl">
        {title}
      </h2>
      <div className="text-lg">{children}</div>
    </dialog>
  )
}
