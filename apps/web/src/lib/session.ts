import type { AppRouter } from '@kundnav/api'
import type { Pair } from '@kundnav/schemas'
import { ROLE_LABELS, ROLES, type Role } from '@kundnav/schemas/permissions'
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import type { inferRouterOutputs } from '@trpc/server'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage } from '../i18n/i18n.ts'
import { sessionQueryOptions } from './api.ts'
import { signOut } from './auth-client.ts'
import { setShownPair } from './shown-pair.ts'

export type SessionInfo = inferRouterOutputs<AppRouter>['session']['get']
export type SignedInSession = NonNullable<SessionInfo>
export type PairOption = SignedInSession['pairs'][number]

/** Why the sign-in page is shown, said at its top. */
export type SignInNotice = 'signedOut' | 'idle' | 'passwordSaved'

declare module '@tanstack/react-router' {
  interface HistoryState {
    /** Carried to /logga-in by in-app navigation only, so a reload or a bookmark doesn't repeat it. */
    signInNotice?: SignInNotice
    /** Prefills "Användarnamn" (after a new password), without putting it in the address. */
    username?: string
    /** With `signInNotice: 'idle'`: after how many minutes without activity. */
    idleMinutes?: number
  }
}

/** Who is signed in and as what: the frame, the guards and the pages all read this one query. */
export function useSession() {
  return useQuery(sessionQueryOptions())
}

export function asRole(value: string | null | undefined): Role | null {
  return value && (ROLES as string[]).includes(value) ? (value as Role) : null
}

/** A pair from `session.get` (whose role is a plain string) as `session.choose` takes it. */
export function toPair(option: { organizationId: string; role: string }): Pair | null {
  const role = asRole(option.role)
  return role ? { organizationId: option.organizationId, role } : null
}

/** "Attestant hos Region Norrby (demo)" in Swedish, "Approver at Region Norrby (demo)" in English. */
export function usePairLabel(): (pair: Pick<PairOption, 'organizationName' | 'role'>) => string {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  return useCallback(
    (pair) => {
      const role = asRole(pair.role)
      return t('session.pairLabel', {
        role: role ? ROLE_LABELS[role][language] : pair.role,
        organization: pair.organizationName,
      })
    },
    [t, language],
  )
}

/**
 * Forgets everything the previous person's session loaded. Active queries (the header's session) load
 * again at once; the rest start empty, so nothing of one person shows to the next.
 */
export async function resetAfterIdentityChange(queryClient: QueryClient): Promise<void> {
  setShownPair(null)
  await queryClient.resetQueries()
}

/**
 * After "Byt till …": everything but the session was loaded as the previous role, so it starts over
 * (as after signing in); the session itself is refetched in place, so the header never goes blank.
 */
export async function reloadForNewRole(
  queryClient: QueryClient,
  sessionFilter: { queryKey: readonly unknown[] },
): Promise<void> {
  const sessionHash = JSON.stringify(sessionFilter.queryKey)
  await Promise.all([
    queryClient.resetQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== sessionHash }),
    queryClient.invalidateQueries({ queryKey: sessionFilter.queryKey, exact: true }),
  ])
}

/** A path inside the portal to return to after signing in; anything else (other sites) is dropped. */
export function safeRedirect(value: unknown): string | undefined {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return undefined
  // Never back to the pages that lead in.
  if (/^\/(logga-in|valj-roll|glomt-losenord|nytt-losenord)(?:[/?#]|$)/.test(value)) return undefined
  return value
}

/**
 * "Logga ut": ends the session, goes to the sign-in page saying why, and forgets the cache. Throws when
 * the server can't be reached (the caller says so; the person is still signed in then).
 */
export function useSignOut(): (notice?: SignInNotice) => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useCallback(
    async (notice: SignInNotice = 'signedOut') => {
      await signOut()
      setShownPair(null)
      // Leave the page first: its queries need the session and would only fail if reloaded here.
      await navigate({ to: '/logga-in', state: { signInNotice: notice } })
      await resetAfterIdentityChange(queryClient)
    },
    [navigate, queryClient],
  )
}
