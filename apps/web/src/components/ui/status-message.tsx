import { type Ref, useRef, useState } from 'react'

/**
 * A short confirmation after an action ("Handläggaren är borttagen"), announced by screen readers. The
 * live region is always on the page, so that a new message in it is read out; it can take focus from code.
 */
export function StatusMessage({ message, ref }: { message: string | null; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} role="status" tabIndex={-1} className={message ? 'mb-6' : ''}>
      {message ? <p className="border-[#00703c] border-l-8 bg-surface p-4 font-semibold">{message}</p> : null}
    </div>
  )
}

/**
 * A page's `StatusMessage` (`<StatusMessage ref={status.ref} message={status.message} />`). After an action
 * that removed the thing its dialog was opened from, `announce(message, { focus: true })` and pass
 * `status.returnFocus` to the dialog: focus then goes to the confirmation instead of nowhere.
 */
export function useStatusMessage() {
  const [message, setMessage] = useState<string | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const focusNext = useRef(false)
  return {
    message,
    ref,
    announce(next: string, options: { focus?: boolean } = {}) {
      focusNext.current = options.focus === true
      setMessage(next)
    },
    clear() {
      setMessage(null)
    },
    returnFocus(): HTMLElement | null {
      if (!focusNext.current) return null
      focusNext.current = false
      return ref.current
    },
  }
}
