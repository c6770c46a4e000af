import type { ReactNode } from 'react'

type Tone = 'error' | 'notice'

const TONES: Record<Tone, string> = {
  error: 'border-error',
  notice: 'border-notice',
}

/**
 * A boxed message with a heading. Errors are announced when they appear (`role="alert"`); notices are
 * plain content.
 */
export function Alert({
  tone,
  heading,
  children,
}: {
  tone: Tone
  heading?: string | undefined
  children: ReactNode
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : undefined}
      className={`my-4 space-y-3 border-l-8 bg-surface p-4 ${TONES[tone]}`}
    >
      {heading ? <h2 className="font-bold text-xl">{heading}</h2> : null}
      {children}
    </div>
  )
}
