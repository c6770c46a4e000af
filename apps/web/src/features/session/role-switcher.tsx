import type { Pair } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadTrpc, sessionQueryOptions } from '../../lib/api.ts'
import { showNotice } from '../../lib/notice.ts'
import {
  type PairOption,
  reloadForNewRole,
  type SignedInSession,
  toPair,
  usePairLabel,
} from '../../lib/session.ts'
import { pairKey, setShownPair } from '../../lib/shown-pair.ts'

const headerButtonClass =
  'inline-flex min-h-11 items-center px-1 font-semibold text-white underline underline-offset-4 hover:decoration-2'

/**
 * "Byt till …" in the header: a disclosure listing the person's other pairs. Choosing one makes it active
 * in this session (no new login), reloads the page's data and re-checks the page against the new role.
 */
export function RoleSwitcher({ session }: { session: SignedInSession }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const router = useRouter()
  const pairLabel = usePairLabel()
  const choose = useMutation({
    mutationFn: async (pair: Pair) => (await loadTrpc()).trpcClient.session.choose.mutate(pair),
  })
  const [open, setOpen] = useState(false)
  const [failed, setFailed] = useState(false)
  const wrapperRef = useRef<HTMLDivElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const listId = useId()

  const others = session.pairs.filter((pair) => pairKey(pair) !== pairKey(session.active))

  // Escape closes the list (focus back on "Byt till …"); so does a click elsewhere.
  useEffect(() => {
    if (!open) return
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return
      event.preventDefault()
      setOpen(false)
      toggleRef.current?.focus()
    }
    function onPointerDown(event: PointerEvent) {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open])

  if (others.length === 0) return null

  function pick(option: PairOption) {
    const pair = toPair(option)
    if (!pair || choose.isPending) return
    setFailed(false)
    choose.mutate(pair, {
      onSuccess: async (chosen) => {
        setShownPair(pairKey(chosen))
        setOpen(false)
        toggleRef.current?.focus()
        // Everything on the page was loaded as the previous role: load it again as this one, and let the
        // route guards check the page against it (a page not for this role says whom it is for).
        await reloadForNewRole(queryClient, sessionQueryOptions())
        await router.invalidate()
        // Seen and heard: the frame's live region, at the top of the page.
        showNotice(t('session.switched', { pair: pairLabel(option) }))
      },
      onError: () => setFailed(true),
    })
  }

  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className={headerButtonClass}
      >
        {t('session.switchTo')}
      </button>
      {open ? (
        <ul
          id={listId}
          className="absolute top-full left-0 z-20 mt-1 w-max max-w-[calc(100vw-2rem)] border-2 border-ink bg-white py-1 text-ink shadow-lg"
        >
          {others.map((option) => (
            <li key={pairKey(option)}>
              <button
                type="button"
                onClick={() => pick(option)}
                aria-disabled={choose.isPending}
                className="block min-h-11 w-full px-4 py-2 text-left font-semibold underline-offset-4 hover:bg-surface hover:underline"
              >
                {pairLabel(option)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className={failed ? 'mt-1 font-semibold' : 'sr-only'}>
        {failed ? t('session.switchFailed') : ''}
      </p>
    </div>
  )
}
