import type { ReactNode } from 'react'

/** What an empty list says instead, and what to do about it (`hint`, or in the text itself). */
export function EmptyState({ children, hint }: { children: ReactNode; hint?: string | undefined }) {
  return (
    <div className="border-line border-t-2 py-5">
      <p className={hint ? 'mb-2 font-bold' : undefined}>{children}</p>
      {hint ? <p className="max-w-prose">{hint}</p> : null}
    </div>
  )
}
