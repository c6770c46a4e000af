import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { showNotice } from '../../lib/notice.ts'
import { type PairOption, toPair, usePairLabel, useSession, useSignOut } from '../../lib/session.ts'
import { pairKey, setShownPair } from '../../lib/shown-pair.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { InvitationList } from '../invitations/invitation-list.tsx'

/**
 * "Gå vidare som:" after signing in, one button per (organisation, role) pair; the pair chosen last on
 * this device comes first and is marked. Someone without any role is told so and can log out. The page
 * `onChosen` goes to then says "Du är nu …".
 */
export function ChooseRolePage({ onChosen }: { onChosen: () => Promise<void> }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const session = useSession()
  const pairLabel = usePairLabel()
  const signOut = useSignOut()
  const choose = useMutation(trpc.session.choose.mutationOptions())
  const [signOutFailed, setSignOutFailed] = useState(false)
  const rememberedId = useId()

  if (session.isPending) {
    return (
      <>
        <PageHeading>{t('session.chooseTitle')}</PageHeading>
        <Skeleton label={t('common.loading')} lines={3} />
      </>
    )
  }
  if (session.isError || !session.data) {
    return (
      <>
        <PageHeading>{t('session.chooseTitle')}</PageHeading>
        <LoadProblem error={session.error} onRetry={() => void session.refetch()} />
      </>
    )
  }

  const { pairs, remembered } = session.data
  if (pairs.length === 0) {
    return (
      <>
        <PageHeading>{t('session.noRoleTitle')}</PageHeading>
        <InvitationList />
        <p className="mb-6 max-w-prose">{t('session.noRoleText')}</p>
        {signOutFailed ? (
          <Alert tone="error">
            <p>{t('session.signOutFailed')}</p>
          </Alert>
        ) : null}
        <Button
          onClick={() => {
            setSignOutFailed(false)
            signOut().catch(() => setSignOutFailed(true))
          }}
        >
          {t('session.signOut')}
        </Button>
      </>
    )
  }

  const isRemembered = (pair: PairOption) => pairKey(pair) === pairKey(remembered)
  const ordered = [...pairs.filter(isRemembered), ...pairs.filter((pair) => !isRemembered(pair))]

  function pick(pair: PairOption) {
    const chosen = toPair(pair)
    if (choose.isPending || !chosen) return
    choose.mutate(chosen, {
      onSuccess: async (chosen) => {
        setShownPair(pairKey(chosen))
        await queryClient.invalidateQueries(trpc.session.get.queryFilter())
        await onChosen()
        showNotice(t('session.switched', { pair: pairLabel(pair) }))
      },
    })
  }

  return (
    <>
      <PageHeading>{t('session.chooseTitle')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('session.chooseIntro')}</p>
      <InvitationList />
      {choose.isError ? (
        <Alert tone="error">
          <p>{t('session.chooseFailed')}</p>
        </Alert>
      ) : null}
      <fieldset>
        <legend className="mb-3 font-bold text-xl">{t('session.continueAs')}</legend>
        <ul className="space-y-3">
          {ordered.map((pair) => {
            const marked = isRemembered(pair)
            return (
              <li key={pairKey(pair)} className="flex flex-wrap items-center gap-3">
                <Button
                  variant={marked ? 'primary' : 'secondary'}
                  className="text-left"
                  aria-describedby={marked ? rememberedId : undefined}
                  aria-disabled={choose.isPending}
                  onClick={() => pick(pair)}
                >
                  {pairLabel(pair)}
                </Button>
                {marked ? (
                  <span id={rememberedId} className="rounded bg-surface px-2 py-1 font-semibold text-base">
                    {t('session.lastChosen')}
                  </span>
                ) : null}
              </li>
            )
          })}
        </ul>
      </fieldset>
    </>
  )
}
