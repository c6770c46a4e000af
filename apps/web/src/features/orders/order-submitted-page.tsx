import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useLanguage } from './use-language.ts'

/**
 * After "Skicka beställningen": the order number and that the order has been received ("Inskickad").
 * Who acts next, and the mail to them, come with the approval chains.
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
