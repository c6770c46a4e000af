import type { ReactNode } from 'react'

/**
 * Lets a wide table scroll sideways on its own on a narrow screen (360 px), so the page never does. The
 * scrolling box can take keyboard focus (arrow keys scroll it) and is named by the table's caption or
 * heading; it is a group, not a landmark, so pages don't fill up with regions. It is `relative` so that
 * visually hidden texts in the table (absolutely positioned) scroll with it instead of widening the page.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups a table
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard
    <div role="group" aria-labelledby={labelledBy} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </div>
  )
}
