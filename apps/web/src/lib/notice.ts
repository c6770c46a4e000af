import { useSyncExternalStore } from 'react'

/**
 * A confirmation the frame shows at the top of the page, in its one live region, after something that
 * changes the whole portal rather than one page ("Du är nu Administratör hos Region Norrby",
 * "Ditt lösenord är sparat"). Page actions keep their own `StatusMessage`. The notice belongs to the page
 * shown when it was given, and goes when the person moves to another page.
 */
export interface Notice {
  message: string
  /** The page it was given on (the address's path). */
  pathname: string
}

let current: Notice | null = null
const listeners = new Set<() => void>()

function emit(next: Notice | null) {
  current = next
  for (const listener of listeners) listener()
}

/** Shows `message` on the page now shown: call it after navigating to the page it should appear on. */
export function showNotice(message: string): void {
  emit({ message, pathname: window.location.pathname })
}

/** The frame calls this when a new page is shown: a notice given on another page goes. */
export function pageShown(pathname: string): void {
  if (current && current.pathname !== pathname) emit(null)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** The notice to show, if any. */
export function useNotice(): Notice | null {
  return useSyncExternalStore(subscribe, () => current)
}
