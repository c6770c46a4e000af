import {
  type DraftAnswers,
  type NewInvoiceAddress,
  WIZARD_STEPS,
  type WizardStep,
  ZNewInvoiceAddress,
} from '@kundnav/schemas'
import { type CatalogueOffering, describeForm } from '@kundnav/schemas/catalogue'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { type FieldMessages, hasMessages, useFieldErrors } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'
import {
  EMPTY_ADDRESS,
  type InvoiceAddress,
  InvoiceChoiceField,
  invoiceAddressMessages,
  NEW_INVOICE,
} from './invoice-choice.tsx'
import { fieldInputId, OfferingFieldInputs } from './offering-field-inputs.tsx'
import { checkFields, fieldAnswers, inSentence, type ListOption, rawFieldValues } from './offering-form.ts'
import type { Offering } from './order-query.ts'
import { changeButtonId, ReviewStep } from './review-step.tsx'
import { useLanguage } from './use-language.ts'

export type { InvoiceAddress } from './invoice-choice.tsx'

export interface Attester {
  userId: string
  name: string
}

/** The steps an offering's order goes through: "intygandefrågor" only when the offering has any. */
export function wizardSteps(entry: Pick<CatalogueOffering, 'attestationQuestions'>): WizardStep[] {
  return WIZARD_STEPS.filter((step) => step !== 'attestations' || entry.attestationQuestions.length > 0)
}

/** The server's refusals of a submit that one step puts right: the review links to that step's "Ändra". */
const STEP_REFUSALS = {
  ATTESTATIONS_MISSING: 'attestations',
  INVOICE_MISSING: 'invoice',
  INVOICE_NOT_FOUND: 'invoice',
  ATTESTER_MISSING: 'attester',
  TERMS_NOT_ACCEPTED: 'terms',
} as const satisfies Record<string, WizardStep>

function isStepRefusal(code: string): code is keyof typeof STEP_REFUSALS {
  return Object.hasOwn(STEP_REFUSALS, code)
}

/** The ids the error summary links to, besides the offering's own fields (`fieldInputId`). */
const STEP_FIELD_IDS = {
  attestations: 'intygande',
  invoice: 'faktura',
  addressLine: 'faktura-utdelningsadress',
  postalCode: 'faktura-postnummer',
  city: 'faktura-postort',
  reference: 'faktura-referens',
  attesterUserId: 'attestant',
  terms: 'villkor',
} as const

/**
 * The wizard's steps for one draft. What is entered lives here until the person leaves: "Fortsätt" checks
 * the step, saves the draft (the step reached and every answer so far) and moves on; "Tillbaka" keeps what
 * was entered. After "Ändra" on the review, "Fortsätt" goes straight back to the review.
 */
export function WizardSteps({
  draftId,
  savedStep,
  savedAt,
  savedAnswers,
  offering,
  entry,
  sourceOptions,
  attesters,
  invoiceAddresses,
  onLeave,
  onSubmitted,
}: {
  draftId: string
  savedStep: WizardStep
  /** When the draft was saved last, as the server answers it: the review sends it back to say what was checked. */
  savedAt: string
  savedAnswers: DraftAnswers
  offering: Offering
  entry: CatalogueOffering
  sourceOptions: Partial<Record<string, readonly ListOption[]>>
  attesters: readonly Attester[]
  invoiceAddresses: readonly InvoiceAddress[]
  onLeave: () => void
  onSubmitted: (orderId: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const save = useMutation(trpc.orderDraft.save.mutationOptions())
  const submit = useMutation(trpc.order.submit.mutationOptions())

  const fields = useMemo(() => describeForm(entry.fields), [entry])
  const steps = wizardSteps(entry)
  const [step, setStep] = useState<WizardStep>(steps.includes(savedStep) ? savedStep : 'fields')
  const [draftSavedAt, setDraftSavedAt] = useState(savedAt)
  /** A refusal on submit that no step puts right: the draft changed elsewhere, a new price. */
  const [refusal, setRefusal] = useState<{ message: string; reload: boolean } | null>(null)
  const [returnToReview, setReturnToReview] = useState(false)
  const [rawFields, setRawFields] = useState(() => rawFieldValues(fields, savedAnswers.fields))
  const [attestations, setAttestations] = useState<string[]>(savedAnswers.attestations ?? [])
  const [invoiceChoice, setInvoiceChoice] = useState<string | null>(() => {
    const invoice = savedAnswers.invoice
    if (!invoice) return null
    if (invoice.kind === 'new') return NEW_INVOICE
    return invoiceAddresses.some((address) => address.id === invoice.invoiceAddressId)
      ? invoice.invoiceAddressId
      : null
  })
  const [newAddress, setNewAddress] = useState<NewInvoiceAddress>(() => {
    const invoice = savedAnswers.invoice
    if (invoice?.kind !== 'new') return EMPTY_ADDRESS
    const { addressLine, postalCode, city, reference } = invoice
    return { addressLine, postalCode, city, reference }
  })
  const [attesterUserId, setAttesterUserId] = useState<string | null>(() =>
    attesters.some((attester) => attester.userId === savedAnswers.attesterUserId)
      ? (savedAnswers.attesterUserId ?? null)
      : null,
  )
  // The version ticked: terms published meanwhile (a refetch) are not accepted until ticked again.
  const [acceptedVersion, setAcceptedVersion] = useState(savedAnswers.acceptedTermsVersion ?? null)
  const termsAccepted = acceptedVersion === offering.terms.version
  // Made once per page: sending twice (a double click, a retry) makes one order.
  const [idempotencyKey] = useState(() => crypto.randomUUID())

  const fieldIds = useMemo(
    () => ({
      ...Object.fromEntries(fields.map((field) => [`field:${field.name}`, fieldInputId(field.name)])),
      ...STEP_FIELD_IDS,
      ...Object.fromEntries(steps.map((one) => [`change:${one}`, changeButtonId(one)])),
    }),
    [fields, steps],
  )
  const errors = useFieldErrors<string>(fieldIds)
  const [failed, setFailed] = useState<unknown>(null)

  const headingRef = useRef<HTMLHeadingElement>(null)
  const firstStep = useRef(true)
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false
      return
    }
    headingRef.current?.focus()
  }, [step])

  const stepIndex = steps.indexOf(step)
  const stepName = t(`wizard.steps.${step}`)
  const offeringName = offering.name[language]

  /** Every answer so far, as the draft keeps it; a new address only once it is complete. */
  function answersSoFar(): DraftAnswers {
    const parsedAddress = ZNewInvoiceAddress.safeParse(newAddress)
    const invoice: DraftAnswers['invoice'] =
      invoiceChoice === NEW_INVOICE
        ? parsedAddress.success
          ? { kind: 'new', ...parsedAddress.data }
          : undefined
        : invoiceChoice
          ? { kind: 'existing', invoiceAddressId: invoiceChoice }
          : undefined
    return {
      fields: fieldAnswers(fields, rawFields),
      attestations,
      ...(invoice ? { invoice } : {}),
      ...(attesterUserId ? { attesterUserId } : {}),
      ...(acceptedVersion !== null ? { acceptedTermsVersion: acceptedVersion } : {}),
    }
  }

  function goTo(next: WizardStep) {
    setFailed(null)
    errors.clear()
    const answers = answersSoFar()
    save.mutate(
      { draftId, step: next, answers },
      {
        onSuccess: ({ updatedAt }) => {
          setDraftSavedAt(updatedAt)
          queryClient.setQueryData(trpc.orderDraft.get.queryKey({ draftId }), (old) =>
            old ? { ...old, step: next, answers, updatedAt } : old,
          )
          void queryClient.invalidateQueries(trpc.orderDraft.list.pathFilter())
          setStep(next)
        },
        onError: (error) => (draftGone(error) ? undefined : setFailed(error)),
      },
    )
  }

  /** Deleted or sent in another tab: the draft is fetched again, and the page says it is gone. */
  function draftGone(error: unknown): boolean {
    if (trpcAppCode(error) !== 'DRAFT_NOT_FOUND') return false
    void queryClient.invalidateQueries(trpc.orderDraft.pathFilter())
    return true
  }

  /** The step's own check; the messages per field, none when the step is complete. */
  function checkStep(): FieldMessages<string> {
    switch (step) {
      case 'fields': {
        const result = checkFields(t, language, entry.fields, fields, rawFields)
        if (result.ok) return {}
        return Object.fromEntries(
          Object.entries(result.errors).map(([name, message]) => [`field:${name}`, message]),
        )
      }
      case 'attestations':
        return entry.attestationQuestions.every((question) => attestations.includes(question.id))
          ? {}
          : { attestations: t('wizard.attestationsRequired') }
      case 'invoice':
        if (!invoiceChoice) return { invoice: t('wizard.invoiceRequired') }
        return invoiceChoice === NEW_INVOICE ? addressMessages() : {}
      case 'attester':
        return attesterUserId ? {} : { attesterUserId: t('wizard.attesterRequired') }
      case 'terms':
        return termsAccepted ? {} : { terms: t('wizard.termsRequired') }
      default:
        return {}
    }
  }

  function addressMessages(): FieldMessages<string> {
    return invoiceAddressMessages(t, newAddress)
  }

  function forward(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (save.isPending || submit.isPending) return
    if (step === 'review') {
      send()
      return
    }
    const found = checkStep()
    if (hasMessages(found)) {
      setFailed(null)
      errors.show(found)
      return
    }
    const next = returnToReview ? 'review' : steps[stepIndex + 1]
    if (next) goTo(next)
  }

  function back() {
    if (save.isPending || submit.isPending) return
    const previous = steps[stepIndex - 1]
    setReturnToReview(false)
    if (previous) goTo(previous)
    else save.mutate({ draftId, step, answers: answersSoFar() }, { onSettled: onLeave })
  }

  function change(target: WizardStep) {
    setRefusal(null)
    setReturnToReview(true)
    setFailed(null)
    errors.clear()
    setStep(target)
  }

  function send() {
    setFailed(null)
    setRefusal(null)
    submit.mutate(
      {
        draftId,
        idempotencyKey,
        // What the person checked: the server refuses if the draft or the price changed since.
        reviewed: {
          draftUpdatedAt: draftSavedAt,
          startupFeeOre: offering.startupFeeOre,
          monthlyFeeOre: offering.monthlyFeeOre,
        },
      },
      {
        onSuccess: ({ orderId }) => {
          void queryClient.invalidateQueries(trpc.order.pathFilter())
          void queryClient.invalidateQueries(trpc.orderDraft.pathFilter())
          void queryClient.invalidateQueries(trpc.catalogue.offering.pathFilter())
          onSubmitted(orderId)
        },
        onError: (error) => refused(error),
      },
    )
  }

  /** What the server refused on submit, shown where it can be put right. */
  function refused(error: unknown) {
    if (draftGone(error)) return
    const code = trpcAppCode(error)
    const serverFields = trpcFieldErrors(error)
    const formField = fields.find((field) => serverFields[field.name]?.length)
    if (code === 'OPTION_NOT_OFFERED' && formField) {
      // The list shown may be older than the server's (an agent no longer assigned): fetch it again.
      void queryClient.invalidateQueries(trpc.catalogue.options.pathFilter())
      setReturnToReview(true)
      setStep('fields')
      errors.show({
        [`field:${formField.name}`]: t('wizard.submitErrors.OPTION_NOT_OFFERED', {
          label: inSentence(formField.label[language]),
        }),
      })
      return
    }
    if (!code && formField) {
      const found: FieldMessages<string> = {}
      for (const field of fields) {
        const message = serverFields[field.name]?.[0]
        if (message) found[`field:${field.name}`] = message
      }
      setReturnToReview(true)
      setStep('fields')
      errors.show(found)
      return
    }
    if (code && isStepRefusal(code)) {
      const target = STEP_REFUSALS[code]
      if (code === 'TERMS_NOT_ACCEPTED') {
        setAcceptedVersion(null)
        void queryClient.invalidateQueries(trpc.catalogue.offering.pathFilter())
      }
      if (code === 'INVOICE_NOT_FOUND') {
        setInvoiceChoice(null)
        void queryClient.invalidateQueries(trpc.order.invoiceAddresses.pathFilter())
      }
      if (code === 'ATTESTER_MISSING') {
        // The chosen person may have lost the role since the list was fetched.
        setAttesterUserId(null)
        void queryClient.invalidateQueries(trpc.order.attesters.pathFilter())
      }
      errors.show({ [`change:${target}`]: t(`wizard.submitErrors.${code}`) })
      return
    }
    if (code === 'PRICE_CHANGED') {
      void queryClient.invalidateQueries(trpc.catalogue.offering.pathFilter())
      setRefusal({ message: t('wizard.submitErrors.PRICE_CHANGED'), reload: false })
      return
    }
    if (code === 'DRAFT_CHANGED' || code === 'IDEMPOTENCY_KEY_REUSED') {
      setRefusal({ message: t(`wizard.submitErrors.${code}`), reload: true })
      return
    }
    setFailed(error)
  }

  const busy = save.isPending || submit.isPending
  const noAttester = step === 'attester' && attesters.length === 0

  return (
    <>
      <PageHeading
        documentTitle={t('shell.pageTitle', {
          title: `${stepName} – ${t('wizard.pageTitle', { name: offeringName })}`,
        })}
      >
        {t('wizard.pageTitle', { name: offeringName })}
      </PageHeading>
      <h2 ref={headingRef} tabIndex={-1} className="mb-6 font-bold text-2xl">
        {t('wizard.progress', { step: stepIndex + 1, count: steps.length, name: stepName })}
      </h2>
      <form noValidate onSubmit={forward} className="space-y-8">
        {refusal && step === 'review' ? (
          <Alert tone="error">
            <p>{refusal.message}</p>
            {refusal.reload ? (
              <Button variant="secondary" onClick={() => window.location.reload()}>
                {t('wizard.reload')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        <FormErrors
          errors={errors.summary.flatMap((error) =>
            error.fieldId ? [{ fieldId: error.fieldId, message: error.message }] : [],
          )}
          attempt={errors.attempt}
          failed={failed !== null}
          error={failed}
        />
        {step === 'fields' ? (
          <OfferingFieldInputs
            fields={fields}
            values={rawFields}
            errors={prefixed(errors.errors, 'field:')}
            language={language}
            sourceOptions={sourceOptions}
            onChange={(name, value) => setRawFields((current) => ({ ...current, [name]: value }))}
          />
        ) : null}
        {step === 'attestations' ? (
          <CheckboxGroup
            id={STEP_FIELD_IDS.attestations}
            name="attestations"
            legend={t('wizard.attestationsLegend')}
            error={errors.errors.attestations}
            options={entry.attestationQuestions.map((question) => ({
              value: question.id,
              label: question.text[language],
            }))}
            value={attestations}
            onChange={setAttestations}
          />
        ) : null}
        {step === 'invoice' ? (
          <InvoiceChoiceField
            ids={STEP_FIELD_IDS}
            addresses={invoiceAddresses}
            choice={invoiceChoice}
            onChoose={setInvoiceChoice}
            address={newAddress}
            onAddressChange={setNewAddress}
            errors={errors.errors}
          />
        ) : null}
        {step === 'attester' ? (
          attesters.length === 0 ? (
            <Alert tone="notice" heading={t('wizard.noAttesterHeading')}>
              <p>{t('wizard.noAttesterText')}</p>
              <p>{t('wizard.noAttesterWho')}</p>
            </Alert>
          ) : (
            <RadioGroup
              id={STEP_FIELD_IDS.attesterUserId}
              name="attester"
              legend={t('wizard.attesterLegend')}
              hint={t('wizard.attesterHint')}
              error={errors.errors.attesterUserId}
              value={attesterUserId}
              onChange={setAttesterUserId}
              options={attesters.map((attester) => ({ value: attester.userId, label: attester.name }))}
            />
          )
        ) : null}
        {step === 'terms' ? (
          <div className="space-y-6">
            <section aria-labelledby="villkorstext" className="max-w-prose border-2 border-line p-4">
              <h3 id="villkorstext" className="mb-2 font-bold text-xl">
                {t('wizard.steps.terms')}{' '}
                <span className="font-normal text-ink-muted">
                  {t('wizard.termsVersion', { version: offering.terms.version })}
                </span>
              </h3>
              <div className="whitespace-pre-line">
                {language === 'sv' ? offering.terms.textSv : offering.terms.textEn}
              </div>
            </section>
            <CheckboxGroup
              id={STEP_FIELD_IDS.terms}
              name="terms"
              legend={t('wizard.termsLegend')}
              error={errors.errors.terms}
              options={[{ value: 'accepted', label: t('wizard.termsAccept') }]}
              value={termsAccepted ? ['accepted'] : []}
              onChange={(value) =>
                setAcceptedVersion(value.includes('accepted') ? offering.terms.version : null)
              }
            />
          </div>
        ) : null}
        {step === 'review' ? (
          <ReviewStep
            offering={offering}
            entry={entry}
            fields={fields}
            answers={answersSoFar()}
            sourceOptions={sourceOptions}
            attesters={attesters}
            invoiceAddresses={invoiceAddresses}
            steps={steps}
            onChange={change}
          />
        ) : null}

        <div className="flex flex-wrap gap-4">
          {noAttester ? null : (
            <Button type="submit" aria-disabled={busy}>
              {step === 'review'
                ? submit.isPending
                  ? t('wizard.review.submitting')
                  : t('wizard.review.submit')
                : save.isPending
                  ? t('wizard.saving')
                  : t('wizard.continue')}
            </Button>
          )}
          <Button variant="secondary" onClick={back}>
            {t('wizard.back')}
          </Button>
        </div>
        <p className="text-ink-muted">{t('wizard.savedNote')}</p>
      </form>
    </>
  )
}

/** The messages whose keys start with `prefix`, by the rest of the key. */
function prefixed(messages: FieldMessages<string>, prefix: string): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(messages)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, message]) => [key.slice(prefix.length), message]),
  )
}
