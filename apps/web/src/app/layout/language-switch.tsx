import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, LANGUAGE_NAMES, type Language } from '../../i18n/i18n.ts'
import { loadTrpc, ME_QUERY_KEY, sessionQueryOptions } from '../../lib/api.ts'
import { useSession } from '../../lib/session.ts'

/**
 * A language picked while signed out (on "Logga in", say): the person who then signs in in this tab chose
 * it, so it is kept on their account rather than replaced by the one saved there.
 */
let chosenWhileSignedOut: Language | null = null

/** `me.setLanguage`, with the session and "Mina uppgifter" brought up to date with the saved choice. */
function useSaveLanguage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: { language: Language }) =>
      (await loadTrpc()).trpcClient.me.setLanguage.mutate(input),
    // One at a time, in the order chosen, so quick clicks leave the last choice saved.
    scope: { id: 'me.setLanguage' },
    onSuccess: ({ language }) => {
      queryClient.setQueryData(sessionQueryOptions().queryKey, (session) =>
        session ? { ...session, user: { ...session.user, language } } : session,
      )
      queryClient.setQueryData<{ language: string }>(ME_QUERY_KEY, (me) => (me ? { ...me, language } : me))
    },
  })
}

/**
 * Once per signed-in person (after signing in, or on loading the page signed in), the portal takes on the
 * language saved on their account — unless they picked one just before signing in, which is then saved.
 */
function useAccountLanguage(save: ReturnType<typeof useSaveLanguage>['mutate']) {
  const { i18n } = useTranslation()
  const session = useSession()
  const user = session.data?.user
  const appliedFor = useRef<string | null>(null)

  useEffect(() => {
    if (!user) {
      if (session.data === null) appliedFor.current = null
      return
    }
    if (appliedFor.current === user.id) return
    appliedFor.current = user.id
    const chosen = chosenWhileSignedOut
    chosenWhileSignedOut = null
    if (chosen) {
      if (chosen !== user.language) save({ language: chosen })
    } else if (user.language !== i18n.language) {
      void i18n.changeLanguage(user.language)
    }
  }, [user, session.data, i18n, save])
}

/**
 * Offers the other language, named in that language ("English" on Swedish pages, "Svenska" on English
 * ones) and marked with its `lang` so screen readers pronounce it right. The choice is remembered on the
 * device and, when signed in, on the account: mail is written in it, and the portal starts in it next time.
 */
export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const session = useSession()
  const saveLanguage = useSaveLanguage()
  useAccountLanguage(saveLanguage.mutate)
  const current = isLanguage(i18n.language) ? i18n.language : 'sv'
  const other = current === 'sv' ? 'en' : 'sv'

  function choose(language: Language) {
    void i18n.changeLanguage(language)
    // Should saving fail, the page still changes language; the account keeps its earlier choice.
    if (session.data) saveLanguage.mutate({ language })
    else chosenWhileSignedOut = language
  }

  return (
    <button
      type="button"
      lang={other}
      onClick={() => choose(other)}
      className="min-h-11 rounded px-3 py-2 font-semibold text-white underline underline-offset-4 hover:decoration-2"
    >
      {LANGUAGE_NAMES[other]}
    </button>
  )
}
