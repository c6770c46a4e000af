import type { Ref } from 'react'

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
