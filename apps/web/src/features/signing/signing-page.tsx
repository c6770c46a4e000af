import { useMutation, useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { formatMobile } from '../../lib/format-mobile.ts'
import { useSession } from '../../lib/session.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { AttestFlow } from '../orders/attest-flow.tsx'
import { OrderContent } from '../orders/order-content.tsx'
import { OrderProgress } from '../orders/order-progress.tsx'
import { ReasonDialog } from '../orders/reason-dialog.tsx'
import { useLanguage } from '../orders/use-language.ts'
import { linkRefusal } from './signing-errors.ts'
import { SigningMobile as SigningMobileStep } from './signing-mobile.tsx'

/**
 * The mailed signing link ("/attestera/<token>", seed 004 steps 5–6): the order as the attestant checks it,
 * "Godkänn och attestera" with a code by SMS, or "Avbryt beställningen" with a reason. It acts as the
 * link's person whoever is signed in; one without a verified number adds it here first.
 */
export function SigningPage({ token }: { token: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const link = useQuery({ ...trpc.signing.open.queryOptions({ token }), retry: false })
  const startAttestation = useMutation(trpc.signing.startAttestation.mutationOptions())
  const attest = useMutation(trpc.signing.attest.mutationOptions())
  const resend = useMutation(trpc.signing.resend.mutationOptions())
  const cancel = useMutation(trpc.signing.cancel.mutationOptions())
  const session = useSession()
  const status = useStatusMessage()
  const [done, setDone] = useState<'ATTEST' | 'CANCEL' | null>(null)
  const [cancelling, setCancelling] = useState(false)
  // The panel acted from is gone once the order is attested or cancelled: focus goes to what happened.
  useEffect(() => {
    if (done) status.ref.current?.focus()
  }, [done, status.ref])

  if (done) {
    return (
      <>
        <PageHeading>
          {done === 'ATTEST' ? t('signing.attestedHeading') : t('signing.cancelledHeading')}
        </PageHeading>
        <StatusMessage ref={status.ref} message={status.message} />
        <p className="max-w-prose">
          {done === 'ATTEST' ? t('signing.attestedText') : t('signing.cancelledText')}
        </p>
      </>
    )
  }

  if (!link.data) {
    const refused = link.isError ? linkRefusal(t, link.error) : null
    return (
      <>
        <PageHeading>{refused ? t('signing.linkProblem') : t('signing.titlePlain')}</PageHeading>
        {link.isPending ? (
          <Skeleton label={t('signing.loading')} lines={8} />
        ) : refused ? (
          <Alert tone="notice">
            <p>{refused}</p>
            <p>
              <Link to="/logga-in">{t('signing.signIn')}</Link>
            </p>
          </Alert>
        ) : (
          <LoadProblem error={link.error} onRetry={() => void link.refetch()} />
        )}
      </>
    )
  }

  const { order, person } = link.data
  const attestation = order.you.attestation
  const reload = () => void link.refetch()
  const cancelButton = order.you.actions.includes('CANCEL') ? (
    <Button variant="warning" onClick={() => setCancelling(true)}>
      {t('order.cancel')}
    </Button>
  ) : null
  const signedIn = session.data?.user

  return (
    <>
      <PageHeading>{t('signing.title', { number: order.number })}</PageHeading>
      <StatusMessage ref={status.ref} message={status.message} />
      <div className="mb-8 max-w-prose space-y-3">
        <p>{t('signing.greeting', { name: person.name })}</p>
        <p>
          {order.waitingFor && order.waitingFor.party !== 'ORDERING'
            ? t('signing.intro', {
                party: order.waitingFor.organizationName,
                offering: order.offeringName[language],
                orderingOrganization: order.organizationName,
              })
            : t('signing.introOwn', {
                offering: order.offeringName[language],
                orderingOrganization: order.organizationName,
              })}
        </p>
        {signedIn ? <p>{t('signing.otherSignedIn', { name: person.name })}</p> : null}
      </div>
      <div className="space-y-10">
        <OrderProgress order={order} />
        <OrderContent order={order} />
        <section
          aria-labelledby="att-gora"
          className="max-w-3xl space-y-4 border-brand border-l-8 bg-surface p-4"
        >
          <h2 id="att-gora" className="font-bold text-2xl">
            {t('order.panelHeading')}
          </h2>
          <p>{t('order.panelAttest')}</p>
          {!person.smsEnabled ? (
            <>
              <Alert tone="notice">
                <p>{t('signing.smsOff')}</p>
              </Alert>
              {cancelButton}
            </>
          ) : !attestation?.mobileVerified ? (
            <>
              <SigningMobileStep
                token={token}
                onVerified={(mobile) => {
                  status.announce(t('signing.mobileAdded', { mobile: formatMobile(mobile) }), { focus: true })
                  reload()
                }}
              />
              {cancelButton}
            </>
          ) : attestation && order.you.actions.includes('ATTEST') ? (
            <AttestFlow
              number={order.number}
              methods={attestation.methods}
              onStart={() => startAttestation.mutateAsync({ token, contentHash: attestation.contentHash })}
              onAttest={async (response) => {
                await attest.mutateAsync({ token, response })
                setDone('ATTEST')
                status.announce(t('order.done.ATTEST'))
              }}
              onResend={(challengeId) => resend.mutateAsync({ token, challengeId })}
              onReload={reload}
              extraActions={cancelButton}
            />
          ) : (
            cancelButton
          )}
        </section>
      </div>
      {cancelling ? (
        <ReasonDialog
          title={t('order.cancelTitle', { number: order.number })}
          text={t('order.cancelText')}
          hint={t('order.cancelHint')}
          confirmLabel={t('order.cancelConfirm')}
          busyLabel={t('order.cancelling')}
          onSubmit={async (reason) => {
            await cancel.mutateAsync({ token, version: order.version, reason })
            setCancelling(false)
            setDone('CANCEL')
            status.announce(t('order.done.CANCEL'))
          }}
          onClose={() => setCancelling(false)}
          onReload={() => {
            setCancelling(false)
            reload()
          }}
        />
      ) : null}
    </>
  )
}
