import { useMutation, useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { FormDialog } from '../../components/ui/form-dialog.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { AttestFlow } from './attest-flow.tsx'
import { ForwardForm } from './forward-form.tsx'
import { actionProblem, type OrderProblem, OrderProblemAlert, orderProblem } from './order-problem.tsx'
import type { Order } from './order-query.ts'
import { ReasonDialog } from './reason-dialog.tsx'

type ReasonAction = 'REJECT' | 'CANCEL' | 'WITHDRAW'
type Open =
  | { name: 'none' }
  | { name: 'reason'; action: ReasonAction }
  | { name: 'approve' }
  | { name: 'forward' }
  | { name: 'attester' }

/** Whether the panel has anything to offer the viewer now. */
export function hasOrderActions(order: Order): boolean {
  return order.you.actions.length > 0 || order.you.mayChangeAttester || order.you.mayOrderAgain
}

/**
 * "Att göra": what the viewer may do with the order now (`you`), each asking first or in its own form:
 * the agent goes on or rejects, the provider approves or rejects, the attestant attests or cancels, the
 * orderer withdraws, changes a departed attestant, or orders again. After an action the page says what
 * happened (`onDone`) and fetches the order again.
 */
export function OrderActions({
  order,
  onDone,
  onReload,
  returnFocus,
}: {
  order: Order
  onDone: (message: string) => void
  onReload: () => void
  returnFocus: () => HTMLElement | null
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const navigate = useNavigate()
  const actions = order.you.actions
  const [open, setOpen] = useState<Open>({ name: 'none' })
  const forwardButton = useRef<HTMLButtonElement>(null)
  const agentReject = useMutation(trpc.agentOrder.reject.mutationOptions())
  const reviewReject = useMutation(trpc.review.reject.mutationOptions())
  const approve = useMutation(trpc.review.approve.mutationOptions())
  const cancel = useMutation(trpc.order.cancel.mutationOptions())
  const withdraw = useMutation(trpc.order.withdraw.mutationOptions())
  const startAttestation = useMutation(trpc.order.startAttestation.mutationOptions())
  const attest = useMutation(trpc.order.attest.mutationOptions())
  const orderAgain = useMutation(trpc.order.orderAgain.mutationOptions())
  const [problem, setProblem] = useState<OrderProblem | null>(null)
  const close = () => setOpen({ name: 'none' })
  const versioned = { orderId: order.id, version: order.version }

  function sendReason(action: ReasonAction, reason: string) {
    const input = { ...versioned, reason }
    if (action === 'WITHDRAW') return withdraw.mutateAsync(input)
    if (action === 'CANCEL') return cancel.mutateAsync(input)
    return actions.includes('FORWARD') ? agentReject.mutateAsync(input) : reviewReject.mutateAsync(input)
  }

  function startOrderAgain() {
    if (orderAgain.isPending) return
    setProblem(null)
    orderAgain.mutate(
      { orderId: order.id },
      {
        onSuccess: ({ draftId }) => void navigate({ to: '/bestall/utkast/$draftId', params: { draftId } }),
        onError: (error) => setProblem(actionProblem(t, error)),
      },
    )
  }

  const intro = actions.includes('FORWARD')
    ? t('order.panelForward')
    : actions.includes('APPROVE')
      ? t('order.panelReview')
      : actions.includes('ATTEST')
        ? t('order.panelAttest')
        : actions.includes('WITHDRAW')
          ? t('order.panelWithdraw')
          : null
  const attestation = order.you.attestation
  const reasonButton = (action: ReasonAction, label: string) => (
    <Button
      variant={action === 'WITHDRAW' ? 'secondary' : 'warning'}
      onClick={() => setOpen({ name: 'reason', action })}
    >
      {label}
    </Button>
  )

  return (
    <section
      aria-labelledby="att-gora"
      className="max-w-3xl space-y-4 border-brand border-l-8 bg-surface p-4"
    >
      <h2 id="att-gora" className="font-bold text-2xl">
        {t('order.panelHeading')}
      </h2>
      {intro ? <p>{intro}</p> : null}
      {problem ? <OrderProblemAlert problem={problem} onReload={onReload} /> : null}

      {actions.includes('FORWARD') ? (
        open.name === 'forward' ? (
          <ForwardForm
            order={order}
            onForwarded={(name) => onDone(t('order.done.FORWARD', { name }))}
            onClose={() => {
              close()
              requestAnimationFrame(() => forwardButton.current?.focus())
            }}
            onReload={onReload}
          />
        ) : (
          <div className="flex flex-wrap gap-4">
            <Button ref={forwardButton} onClick={() => setOpen({ name: 'forward' })}>
              {t('order.forward')}
            </Button>
            {reasonButton('REJECT', t('order.reject'))}
          </div>
        )
      ) : null}

      {actions.includes('APPROVE') ? (
        <div className="flex flex-wrap gap-4">
          <Button onClick={() => setOpen({ name: 'approve' })}>{t('order.approve')}</Button>
          {actions.includes('REJECT') ? reasonButton('REJECT', t('order.reject')) : null}
        </div>
      ) : null}

      {actions.includes('ATTEST') && attestation ? (
        !attestation.mobileVerified ? (
          <>
            <Alert tone="notice">
              <p>{t('order.needMobile')}</p>
              <p>
                <Link to="/mina-uppgifter">{t('order.needMobileLink')}</Link>
              </p>
            </Alert>
            {actions.includes('CANCEL') ? reasonButton('CANCEL', t('order.cancel')) : null}
          </>
        ) : attestation.methods.length === 0 ? (
          <>
            <Alert tone="notice">
              <p>{t('order.noMethod')}</p>
            </Alert>
            {actions.includes('CANCEL') ? reasonButton('CANCEL', t('order.cancel')) : null}
          </>
        ) : (
          <AttestFlow
            number={order.number}
            methods={attestation.methods}
            onStart={() =>
              startAttestation.mutateAsync({ orderId: order.id, contentHash: attestation.contentHash })
            }
            onAttest={async (response) => {
              await attest.mutateAsync({ orderId: order.id, response })
              onDone(t('order.done.ATTEST'))
            }}
            onReload={onReload}
            extraActions={actions.includes('CANCEL') ? reasonButton('CANCEL', t('order.cancel')) : null}
          />
        )
      ) : null}

      {actions.includes('WITHDRAW') || order.you.mayChangeAttester ? (
        <div className="flex flex-wrap gap-4">
          {order.you.mayChangeAttester ? (
            <Button variant="secondary" onClick={() => setOpen({ name: 'attester' })}>
              {t('order.changeAttester')}
            </Button>
          ) : null}
          {actions.includes('WITHDRAW') ? reasonButton('WITHDRAW', t('order.withdraw')) : null}
        </div>
      ) : null}
      {order.you.mayChangeAttester ? <p>{t('order.changeAttesterNeeded')}</p> : null}

      {order.you.mayOrderAgain ? (
        <>
          <p>{t('order.orderAgainHint')}</p>
          <Button onClick={startOrderAgain} aria-disabled={orderAgain.isPending}>
            {orderAgain.isPending ? t('order.orderingAgain') : t('order.orderAgain')}
          </Button>
        </>
      ) : null}

      {open.name === 'reason' ? (
        <ReasonDialog
          title={t(`order.${reasonKey(open.action)}Title`, { number: order.number })}
          text={t(`order.${reasonKey(open.action)}Text`)}
          hint={t(`order.${reasonKey(open.action)}Hint`)}
          confirmLabel={t(`order.${reasonKey(open.action)}Confirm`)}
          busyLabel={t(`order.${busyKey(open.action)}`)}
          onSubmit={async (reason) => {
            await sendReason(open.action, reason)
            close()
            onDone(t(`order.done.${open.action}`))
          }}
          onClose={close}
          onReload={() => {
            close()
            onReload()
          }}
          returnFocus={returnFocus}
        />
      ) : null}

      {open.name === 'approve' ? (
        <ConfirmDialog
          title={t('order.approveTitle', { number: order.number })}
          confirmLabel={t('order.approveConfirm')}
          busyLabel={t('order.approving')}
          cancelLabel={t('order.goBack')}
          busy={approve.isPending}
          destructive={false}
          problem={
            approve.isError ? (
              <OrderProblemAlert
                problem={actionProblem(t, approve.error)}
                onReload={() => {
                  close()
                  onReload()
                }}
              />
            ) : null
          }
          onConfirm={() =>
            approve.mutate(versioned, {
              onSuccess: () => {
                close()
                onDone(t('order.done.APPROVE'))
              },
            })
          }
          onClose={() => {
            approve.reset()
            close()
          }}
          returnFocus={returnFocus}
        >
          <p>{approveText(t, order)}</p>
        </ConfirmDialog>
      ) : null}

      {open.name === 'attester' ? (
        <ChangeAttesterDialog
          order={order}
          onChanged={(name) => {
            close()
            onDone(t('order.done.ATTESTER_CHANGED', { name }))
          }}
          onClose={close}
          onReload={() => {
            close()
            onReload()
          }}
          returnFocus={returnFocus}
        />
      ) : null}
    </section>
  )
}

/**
 * What "Godkänn" leads to, from the order's own chain: the next step and who takes it (its attestant is
 * mailed a link, its reviewers a mail), or, when the provider's review is the last step, that the order is
 * complete and the orderer (and the agent, when there is one) is mailed.
 */
export function approveText(t: TFunction, order: Order): string {
  const open = order.steps.findIndex((step) => step.progress === 'OPEN')
  const next = open >= 0 ? order.steps[open + 1] : undefined
  if (!next) {
    return order.agentName
      ? t('order.approveCompletesWithAgent', { agent: order.agentName })
      : t('order.approveCompletes')
  }
  const organization =
    next.party === 'ORDERING'
      ? order.organizationName
      : next.party === 'AGENT'
        ? (order.agentName ?? '')
        : order.providerName
  const step = t(`order.states.${stepKey(next.state)}`)
  return next.state.endsWith('ATTESTATION')
    ? t('order.approveNextAttestation', { step, organization })
    : t('order.approveNextReview', { step, organization })
}

const STEP_NAMES = ['AGENT_REVIEW', 'AGENT_ATTESTATION', 'CUSTOMER_ATTESTATION', 'PROVIDER_REVIEW'] as const

function stepKey(state: string): (typeof STEP_NAMES)[number] | 'other' {
  return STEP_NAMES.find((name) => name === state) ?? 'other'
}

function reasonKey(action: ReasonAction) {
  return action === 'REJECT' ? 'reject' : action === 'CANCEL' ? 'cancel' : 'withdraw'
}

function busyKey(action: ReasonAction) {
  return action === 'REJECT' ? 'rejecting' : action === 'CANCEL' ? 'cancelling' : 'withdrawing'
}

/** "Byt attestant": the open attestation's party's attestants, for a chosen one who has left the role. */
function ChangeAttesterDialog({
  order,
  onChanged,
  onClose,
  onReload,
  returnFocus,
}: {
  order: Order
  onChanged: (name: string) => void
  onClose: () => void
  onReload: () => void
  returnFocus: () => HTMLElement | null
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const agentParty = order.waitingFor?.party === 'AGENT'
  const own = useQuery({ ...trpc.order.attesters.queryOptions(), enabled: !agentParty })
  const agents = useQuery({ ...trpc.agentOrder.attesters.queryOptions(), enabled: agentParty })
  const attesters = agentParty ? agents : own
  const list = attesters.data ?? []
  const change = useMutation(trpc.order.changeAttester.mutationOptions())
  const [chosen, setChosen] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const title = t('order.changeAttesterTitle', { number: order.number })
  // ATTESTER_STILL_HERE, ORDER_CHANGED …: worded for the order, with "Ladda om sidan" where it helps.
  const refusal = change.isError ? orderProblem(t, change.error) : null

  if (!attesters.data || list.length === 0) {
    return (
      <Dialog title={title} onClose={onClose} returnFocus={returnFocus}>
        <div className="space-y-6">
          {attesters.isPending ? (
            <Skeleton label={t('order.attestersLoading')} lines={3} />
          ) : !attesters.data ? (
            <LoadProblem error={attesters.error} onRetry={() => void attesters.refetch()} />
          ) : (
            <Alert tone="notice">
              <p>{t('order.changeAttesterNone')}</p>
            </Alert>
          )}
          <Button variant="secondary" onClick={onClose}>
            {t('order.goBack')}
          </Button>
        </div>
      </Dialog>
    )
  }

  return (
    <FormDialog
      title={title}
      errors={error ? [{ fieldId: 'ny-attestant', message: error }] : []}
      attempt={attempt}
      failed={change.isError && !refusal}
      error={change.error}
      busy={change.isPending}
      submitLabel={t('order.changeAttesterSubmit')}
      busyLabel={t('order.changingAttester')}
      returnFocus={returnFocus}
      onClose={onClose}
      onSubmit={() => {
        if (!chosen) {
          setError(t('wizard.attesterRequired'))
          setAttempt((count) => count + 1)
          return
        }
        setError(null)
        change.mutate(
          { orderId: order.id, version: order.version, attesterUserId: chosen },
          { onSuccess: () => onChanged(list.find((one) => one.userId === chosen)?.name ?? '') },
        )
      }}
    >
      {refusal ? <OrderProblemAlert problem={refusal} onReload={onReload} /> : null}
      <p>{t('order.changeAttesterText')}</p>
      <RadioGroup
        id="ny-attestant"
        name="attester"
        legend={t('order.attesterLegend')}
        error={error ?? undefined}
        value={chosen}
        onChange={setChosen}
        options={list.map((one) => ({ value: one.userId, label: one.name }))}
      />
    </FormDialog>
  )
}
