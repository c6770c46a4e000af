import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { formatKronor } from '../../lib/format-price.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { errorCodeMessage } from '../../lib/trpc-error.ts'
import { DraftList } from './draft-list.tsx'
import { useLanguage } from './use-language.ts'

/**
 * "Beställ" (Beställare): the services and their offerings with their prices; choosing one starts an
 * order (a draft) and opens the wizard. Under them "Dina utkast", the orders the person has begun.
 */
export function CataloguePage({ onOpenDraft }: { onOpenDraft: (draftId: string) => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const services = useQuery(trpc.catalogue.list.queryOptions())
  const start = useMutation(trpc.orderDraft.start.mutationOptions())

  function startOrder(offeringId: string) {
    if (start.isPending) return
    start.mutate({ offeringId }, { onSuccess: ({ draftId }) => onOpenDraft(draftId) })
  }

  const startProblem = start.isError ? errorCodeMessage(t, start.error) : null

  return (
    <>
      <PageHeading>{t('catalogue.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('catalogue.intro')}</p>
      {start.isError ? (
        <Alert tone="error">
          <p>{t('catalogue.startFailed')}</p>
          {startProblem ? <p>{startProblem}</p> : null}
        </Alert>
      ) : null}

      {services.isPending ? (
        <Skeleton label={t('catalogue.loading')} lines={6} />
      ) : !services.data ? (
        <LoadProblem
          error={services.error}
          forbiddenText={t('catalogue.forbidden')}
          onRetry={() => void services.refetch()}
        />
      ) : services.data.length === 0 ? (
        <EmptyState hint={t('catalogue.emptyHint')}>{t('catalogue.empty')}</EmptyState>
      ) : (
        <div className="space-y-10">
          {services.data.map((service) => (
            <section key={service.id} aria-labelledby={`tjanst-${service.code}`}>
              <h2 id={`tjanst-${service.code}`} className="mb-2 font-bold text-2xl">
                {service.name[language]}
              </h2>
              <p className="mb-4 max-w-prose">{service.description[language]}</p>
              <ul className="space-y-4">
                {service.offerings.map((offering) => (
                  <li key={offering.id} className="border-line border-l-4 pl-4">
                    <h3 className="font-bold text-xl">{offering.name[language]}</h3>
                    <p className="mb-2 max-w-prose">{offering.description[language]}</p>
                    <dl className="mb-3 grid max-w-md grid-cols-[auto_1fr] gap-x-4">
                      <dt className="font-semibold">{t('price.startupFee')}</dt>
                      <dd>{formatKronor(offering.startupFeeOre, language)}</dd>
                      <dt className="font-semibold">{t('price.monthlyFee')}</dt>
                      <dd>
                        {t('price.perUnitAndMonth', {
                          price: formatKronor(offering.monthlyFeeOre, language),
                        })}
                      </dd>
                    </dl>
                    <Button aria-disabled={start.isPending} onClick={() => startOrder(offering.id)}>
                      {start.isPending && start.variables.offeringId === offering.id
                        ? t('catalogue.starting')
                        : t('catalogue.order')}
                      <span className="sr-only"> {offering.name[language]}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p className="text-ink-muted">{t('price.exclVat')}</p>
        </div>
      )}

      <DraftList />
    </>
  )
}
