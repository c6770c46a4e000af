import { type NewInvoiceAddress, ZNewInvoiceAddress } from '@kundnav/schemas'
import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { type FieldMessages, hasMessages, useFieldErrors } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'
import { EMPTY_ADDRESS, InvoiceChoiceField, invoiceAddressMessages, NEW_INVOICE } from './invoice-choice.tsx'
import { actionProblem, type OrderProblem, OrderProblemAlert } from './order-problem.tsx'
import type { Order } from './order-query.ts'
import { useLanguage } from './use-language.ts'

const FIELD_IDS = {
  attestations: 'agent-intygande',
  invoice: 'agent-faktura',
  addressLine: 'agent-faktura-utdelningsadress',
  postalCode: 'agent-faktura-postnummer',
  city: 'agent-faktura-postort',
  reference: 'agent-faktura-referens',
  attesterUserId: 'agent-attestant',
} as const
type Field = keyof typeof FIELD_IDS

/**
 * The agent goes on (seed 004 step 4.7–4.9): ticks its attestation questions, picks one of its invoice
 * addresses or registers a new one, and chooses which of its attestants signs. Checked when sent.
 */
export function ForwardForm({
  order,
  onForwarded,
  onClose,
  onReload,
}: {
  order: Order
  onForwarded: (attesterName: string) => void
  onClose: () => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const attesters = useQuery(trpc.agentOrder.attesters.queryOptions())
  const addresses = useQuery(trpc.agentOrder.invoiceAddresses.queryOptions())
  const forward = useMutation(trpc.agentOrder.forward.mutationOptions())
  const errors = useFieldErrors<Field>(FIELD_IDS)
  const [ticked, setTicked] = useState<string[]>([])
  const [invoiceChoice, setInvoiceChoice] = useState<string | null>(null)
  const [newAddress, setNewAddress] = useState<NewInvoiceAddress>(EMPTY_ADDRESS)
  const [attesterUserId, setAttesterUserId] = useState<string | null>(null)
  const [problem, setProblem] = useState<OrderProblem | null>(null)
  const questions = order.you.agentQuestions
  // The form takes the place of the "Gå vidare" button that opened it: focus goes to its heading.
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  function check(): FieldMessages<Field> {
    const found: FieldMessages<Field> = {}
    if (questions.some((question) => !ticked.includes(question.id))) {
      found.attestations = t('order.agentQuestionsRequired')
    }
    if (!invoiceChoice) found.invoice = t('wizard.invoiceRequired')
    else if (invoiceChoice === NEW_INVOICE) Object.assign(found, invoiceAddressMessages(t, newAddress))
    if (!attesterUserId) found.attesterUserId = t('wizard.attesterRequired')
    return found
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (forward.isPending) return
    setProblem(null)
    const found = check()
    if (hasMessages(found) || !attesterUserId || !invoiceChoice) {
      errors.show(found)
      return
    }
    errors.clear()
    const invoice =
      invoiceChoice === NEW_INVOICE
        ? { kind: 'new' as const, ...ZNewInvoiceAddress.parse(newAddress) }
        : { kind: 'existing' as const, invoiceAddressId: invoiceChoice }
    forward.mutate(
      { orderId: order.id, version: order.version, attestations: ticked, invoice, attesterUserId },
      {
        onSuccess: () => {
          const name = attesters.data?.find((one) => one.userId === attesterUserId)?.name ?? ''
          onForwarded(name)
        },
        onError: (error) => {
          const code = trpcAppCode(error)
          if (code === 'ATTESTATIONS_MISSING')
            errors.show({ attestations: t('order.agentQuestionsRequired') })
          else if (code === 'INVOICE_NOT_FOUND') {
            setInvoiceChoice(null)
            void addresses.refetch()
            errors.show({ invoice: t('order.errors.INVOICE_NOT_FOUND') })
          } else if (code === 'ATTESTER_MISSING') {
            setAttesterUserId(null)
            void attesters.refetch()
            errors.show({ attesterUserId: t('order.errors.ATTESTER_MISSING') })
          } else if (trpcFieldErrors(error).invoice) {
            errors.show(invoiceAddressMessages(t, newAddress))
          } else setProblem(actionProblem(t, error))
        },
      },
    )
  }

  return (
    <section aria-labelledby="ga-vidare" className="max-w-2xl space-y-6 border-2 border-line p-4">
      <h3 id="ga-vidare" ref={heading} tabIndex={-1} className="font-bold text-xl">
        {t('order.forwardHeading')}
      </h3>
      <p>{t('order.forwardIntro')}</p>
      {attesters.isPending || addresses.isPending ? (
        <Skeleton label={t('order.choicesLoading')} lines={4} />
      ) : !attesters.data || !addresses.data ? (
        <LoadProblem
          error={attesters.error ?? addresses.error}
          onRetry={() => {
            void attesters.refetch()
            void addresses.refetch()
          }}
        />
      ) : (
        <form noValidate onSubmit={submit} className="space-y-8">
          {errors.summary.length > 0 ? <ErrorSummary key={errors.attempt} errors={errors.summary} /> : null}
          {problem ? <OrderProblemAlert problem={problem} onReload={onReload} /> : null}
          {questions.length > 0 ? (
            <CheckboxGroup
              id={FIELD_IDS.attestations}
              name="attestations"
              legend={t('order.agentQuestionsLegend')}
              error={errors.errors.attestations}
              options={questions.map((question) => ({ value: question.id, label: question.text[language] }))}
              value={ticked}
              onChange={setTicked}
            />
          ) : null}
          <InvoiceChoiceField
            ids={FIELD_IDS}
            addresses={addresses.data}
            choice={invoiceChoice}
            onChoose={setInvoiceChoice}
            address={newAddress}
            onAddressChange={setNewAddress}
            errors={errors.errors}
          />
          {attesters.data.length === 0 ? (
            <Alert tone="notice">
              <p>{t('order.noAttester')}</p>
            </Alert>
          ) : (
            <RadioGroup
              id={FIELD_IDS.attesterUserId}
              name="attester"
              legend={t('order.attesterLegend')}
              hint={t('wizard.attesterHint')}
              error={errors.errors.attesterUserId}
              value={attesterUserId}
              onChange={setAttesterUserId}
              options={attesters.data.map((one) => ({ value: one.userId, label: one.name }))}
            />
          )}
          <div className="flex flex-wrap gap-4">
            <Button type="submit" aria-disabled={forward.isPending}>
              {forward.isPending ? t('order.forwarding') : t('order.forwardSubmit')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('order.goBack')}
            </Button>
          </div>
        </form>
      )}
    </section>
  )
}
