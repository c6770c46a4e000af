import { catalogueOffering, describeForm } from '@kundnav/schemas/catalogue'
import { useQueries, useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { useLanguage } from './use-language.ts'
import { WizardSteps } from './wizard-steps.tsx'

/**
 * The order wizard for a draft, whatever its offering: loads the draft, the offering's price and terms,
 * and the offering's form and questions from the catalogue in code, then lets `WizardSteps` lead the
 * person through them from the step the draft was saved at.
 */
export function OrderWizard({
  draftId,
  onLeave,
  onSubmitted,
}: {
  draftId: string
  onLeave: () => void
  onSubmitted: (orderId: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const draft = useQuery(trpc.orderDraft.get.queryOptions({ draftId }, { staleTime: 0 }))
  const offering = useQuery(
    trpc.catalogue.offering.queryOptions(
      { offeringId: draft.data?.offeringId ?? '' },
      { enabled: draft.data !== undefined, staleTime: 0 },
    ),
  )
  const entry = offering.data ? catalogueOffering(offering.data.code) : undefined
  const sourceFields = entry ? describeForm(entry.fields).filter((field) => field.kind === 'source') : []
  const sources = useQueries({
    queries: sourceFields.map((field) =>
      trpc.catalogue.options.queryOptions({ offeringId: offering.data?.id ?? '', field: field.name }),
    ),
  })
  const attesters = useQuery(trpc.order.attesters.queryOptions())
  const invoiceAddresses = useQuery(trpc.order.invoiceAddresses.queryOptions())

  if (draft.isError && trpcAppCode(draft.error) === 'DRAFT_NOT_FOUND') {
    return <Gone heading={t('catalogue.title')} text={t('wizard.draftGone')} />
  }
  if (offering.isError && trpcAppCode(offering.error) === 'OFFERING_NOT_FOUND') {
    return <Gone heading={t('catalogue.title')} text={t('wizard.offeringGone')} />
  }
  const failed = [draft, offering, attesters, invoiceAddresses, ...sources].find((query) => query.isError)
  if (failed) {
    return (
      <>
        <PageHeading>{t('catalogue.title')}</PageHeading>
        <LoadProblem
          error={failed.error}
          forbiddenText={t('catalogue.forbidden')}
          onRetry={() => void failed.refetch()}
        />
      </>
    )
  }
  if (
    !draft.data ||
    !offering.data ||
    !attesters.data ||
    !invoiceAddresses.data ||
    sources.some((query) => !query.data)
  ) {
    return (
      <>
        <PageHeading>{t('catalogue.title')}</PageHeading>
        <Skeleton label={t('wizard.loading')} lines={6} />
      </>
    )
  }
  if (!entry) return <Gone heading={offering.data.name[language]} text={t('wizard.offeringGone')} />

  const sourceOptions = Object.fromEntries(
    sourceFields.map((field, index) => [field.name, sources[index]?.data]),
  )
  return (
    <WizardSteps
      draftId={draftId}
      savedStep={draft.data.step}
      savedAnswers={draft.data.answers}
      savedAt={draft.data.updatedAt}
      offering={offering.data}
      entry={entry}
      sourceOptions={sourceOptions}
      attesters={attesters.data}
      invoiceAddresses={invoiceAddresses.data}
      onLeave={onLeave}
      onSubmitted={onSubmitted}
    />
  )
}

function Gone({ heading, text }: { heading: string; text: string }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Alert tone="notice">
        <p>{text}</p>
        <p>
          <Link to="/bestall">{t('wizard.draftGoneLink')}</Link>
        </p>
      </Alert>
    </>
  )
}
