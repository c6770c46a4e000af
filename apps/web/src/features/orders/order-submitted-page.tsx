import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import type { Order } from './order-query.ts'
import { useLanguage } from './use-language.ts'

/**
 * After "Skicka beställningen": the order number, that the order has been received ("Inskickad"), and who
 * acts next, who has been mailed (`waitingFor`).
 */
export function OrderSubmittedPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const order = useQuery(trpc.order.get.queryOptions({ orderId }))

  return (
    <>
      <PageHeading>{t('submitted.title')}</PageHeading>
      {order.isPending ? (
        <Skeleton label={t('order.loading')} lines={3} />
      ) : !order.data ? (
        <LoadProblem error={order.error} onRetry={() => void order.refetch()} />
      ) : (
        <>
          <div className="mb-8 max-w-prose bg-[#00703c] p-6 text-white">
            <p className="text-xl">{t('submitted.number')}</p>
            <p className="font-bold text-3xl">{order.data.number}</p>
          </div>
          <p className="mb-4 max-w-prose">
            {t('submitted.received', { name: order.data.offeringName[language] })}
          </p>
          {order.data.waitingFor ? (
            <p className="mb-4 max-w-prose">{sentTo(t, order.data.waitingFor)}</p>
          ) : null}
          <p className="mb-8 max-w-prose">{t('submitted.next')}</p>
          <ul className="space-y-2">
            <li>
              <Link to="/bestallningar/$orderId" params={{ orderId }}>
                {t('submitted.toOrder')}
              </Link>
            </li>
            <li>
              <Link to="/bestallningar">{t('submitted.toOrders')}</Link>
            </li>
            <li>
              <Link to="/bestall">{t('submitted.orderMore')}</Link>
            </li>
          </ul>
        </>
      )}
    </>
  )
}

/** Who the order went to and that they were mailed: an attestant by name, else the party that reviews it. */
function sentTo(t: TFunction, waitingFor: NonNullable<Order['waitingFor']>): string {
  const organization = waitingFor.organizationName
  if (waitingFor.state.endsWith('ATTESTATION')) {
    return waitingFor.attesterName
      ? t('submitted.sentForAttestation', { name: waitingFor.attesterName, organization })
      : t('submitted.sentForAttestationUnnamed', { organization })
  }
  return t('submitted.sentForReview', { organization, role: t(`submitted.parties.${waitingFor.party}`) })
}
