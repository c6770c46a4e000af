import { useEffect, useState } from 'react'

export interface MarkedOrder {
  id: string
  number: string
}

const STORAGE_KEY = 'kundnav.agentOrders.marked'

function stored(): MarkedOrder[] {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed)
      ? parsed.filter(
          (one): one is MarkedOrder =>
            typeof one === 'object' &&
            one !== null &&
            typeof one.id === 'string' &&
            typeof one.number === 'string',
        )
      : []
  } catch {
    return []
  }
}

/**
 * The orders ticked in "Hantera beställningar" (seed 004: "Bockar i den beställningen som ska hanteras"),
 * in the order they were ticked. Kept in this tab's sessionStorage, so they are still ticked when the
 * person comes back from an order's page to open the next; gone when the tab closes.
 */
export function useMarkedOrders() {
  const [marked, setMarked] = useState<MarkedOrder[]>(stored)

  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(marked))
    } catch {
      // Private browsing may forbid storage; the marks then last while the page is open.
    }
  }, [marked])

  return {
    marked,
    isMarked: (id: string) => marked.some((one) => one.id === id),
    toggle(order: MarkedOrder, on: boolean) {
      setMarked((now) =>
        on
          ? now.some((one) => one.id === order.id)
            ? now
            : [...now, order]
          : now.filter((one) => one.id !== order.id),
      )
    },
    unmark(id: string) {
      setMarked((now) => now.filter((one) => one.id !== id))
    },
    clear() {
      setMarked([])
    },
  }
}
