import type { AppRouter } from '@kundnav/api'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { formatKronor } from '../../lib/format-price.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { PriceDialog } from './price-dialog.tsx'
import { TermsDialog } from './terms-dialog.tsx'

export type ManagedOffering = inferRouterOutputs<AppRouter>['catalogue']['manageList'][number]

type OpenDialog = { kind: 'price' | 'terms'; offering: ManagedOffering }

/**
 * "Priser och villkor" (provider staff, Granskare): every offering's price and current terms version; a
 * new price or a new terms version applies to orders sent from then on (the server records both in the log).
 */
export function PricesAndTermsPage() {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const offerings = useQuery(trpc.catalogue.manageList.queryOptions())
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const status = useStatusMessage()

  function closeAfterChange(message: string) {
    setDialog(null)
    status.announce(message)
    void queryClient.invalidateQueries(trpc.catalogue.pathFilter())
  }

  return (
    <>
      <PageHeading>{t('catalogueAdmin.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('catalogueAdmin.intro')}</p>
      <StatusMessage ref={status.ref} message={status.message} />
      {offerings.isPending ? (
        <Skeleton label={t('catalogueAdmin.loading')} lines={4} />
      ) : !offerings.data ? (
        <LoadProblem
          error={offerings.error}
          forbiddenText={t('catalogueAdmin.forbidden')}
          onRetry={() => void offerings.refetch()}
        />
      ) : offerings.data.length === 0 ? (
        <EmptyState>{t('catalogueAdmin.empty')}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('catalogueAdmin.tableCaption')}
            className="min-w-[52rem]"
            columns={[
              t('catalogueAdmin.offering'),
              t('catalogueAdmin.startupFee'),
              t('catalogueAdmin.monthlyFee'),
              t('catalogueAdmin.terms'),
              t('catalogueAdmin.actions'),
            ]}
          >
            {offerings.data.map((offering) => {
              const name = offering.name[language]
              return (
                <tr key={offering.id} className="border-line border-b align-top">
                  <th scope="row" className="py-3 pr-4 font-normal">
                    <span className="block font-semibold">{name}</span>
                    <span className="block text-ink-muted">{offering.serviceName[language]}</span>
                  </th>
                  <td className="whitespace-nowrap py-3 pr-4">
                    {formatKronor(offering.startupFeeOre, language)}
                  </td>
                  <td className="whitespace-nowrap py-3 pr-4">
                    {formatKronor(offering.monthlyFeeOre, language)}
                  </td>
                  <td className="whitespace-nowrap py-3 pr-4">
                    {t('catalogueAdmin.termsVersion', { version: offering.terms.version })}
                  </td>
                  <td className="py-3">
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        className="whitespace-nowrap"
                        onClick={() => {
                          status.clear()
                          setDialog({ kind: 'price', offering })
                        }}
                      >
                        {t('catalogueAdmin.changePrice')}
                        <span className="sr-only"> {t('catalogueAdmin.forOffering', { name })}</span>
                      </Button>
                      <Button
                        variant="secondary"
                        className="whitespace-nowrap"
                        onClick={() => {
                          status.clear()
                          setDialog({ kind: 'terms', offering })
                        }}
                      >
                        {t('catalogueAdmin.publishTerms')}
                        <span className="sr-only"> {t('catalogueAdmin.forOffering', { name })}</span>
                      </Button>
                    </div>
                  </td>
                </tr>
              )
            })}
          </DataTable>
          <p className="mt-4 text-ink-muted">{t('price.exclVat')}</p>
        </>
      )}
      {dialog?.kind === 'price' ? (
        <PriceDialog
          offering={dialog.offering}
          onClose={() => setDialog(null)}
          onSaved={() =>
            closeAfterChange(t('catalogueAdmin.priceSaved', { name: dialog.offering.name[language] }))
          }
        />
      ) : null}
      {dialog?.kind === 'terms' ? (
        <TermsDialog
          offering={dialog.offering}
          onClose={() => setDialog(null)}
          onPublished={(version) =>
            closeAfterChange(
              t('catalogueAdmin.termsPublished', { name: dialog.offering.name[language], version }),
            )
          }
        />
      ) : null}
    </>
  )
}
