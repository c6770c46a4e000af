import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { roleLabel } from '../../lib/role-label.ts'
import { Item, Section } from './order-content.tsx'
import type { Order } from './order-query.ts'
import { OrderStatusText } from './order-status.tsx'
import { useLanguage } from './use-language.ts'

type Step = Order['steps'][number]
type Event = Order['timeline'][number]

const STATES = ['AGENT_REVIEW', 'AGENT_ATTESTATION', 'CUSTOMER_ATTESTATION', 'PROVIDER_REVIEW'] as const
const ACTIONS = [
  'SUBMITTED',
  'FORWARD',
  'ATTEST',
  'APPROVE',
  'REJECT',
  'CANCEL',
  'WITHDRAW',
  'ATTESTER_CHANGED',
] as const

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** A chain step's name ("Agentens attest"); never the state's code. */
export function stateLabel(t: TFunction, state: string): string {
  return oneOf(STATES, state) ? t(`order.states.${state}`) : t('order.states.other')
}

/** The organisation of a step: who acted on it, else the party's organisation as far as the order names it. */
function stepOrganization(order: Order, step: Step): string | null {
  const acted = order.timeline.find(
    (event) => event.fromState === step.state && event.action !== 'ATTESTER_CHANGED',
  )
  if (acted) return acted.actorOrganizationName
  if (order.waitingFor?.state === step.state) return order.waitingFor.organizationName
  if (step.party === 'ORDERING') return order.organizationName
  if (step.party === 'AGENT') return order.agentName
  return null
}

const MARKS: Record<Step['progress'], string> = { DONE: '✓', OPEN: '→', ENDED: '✕', LATER: '○' }

/**
 * Where the order is: its status, who it waits for (or when and why it ended), and its chain as a list of
 * steps, each saying in words whether it is done, open now, where the order ended, or to come.
 */
export function OrderProgress({ order }: { order: Order }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const waiting = order.waitingFor
  return (
    <>
      <Section id="lage" heading={t('order.status')}>
        <Item label={t('order.status')} value={<OrderStatusText status={order.status} />} />
        {waiting ? (
          <>
            <Item
              label={t('order.waitingFor')}
              value={
                waiting.attesterName
                  ? t('order.waitingForPerson', {
                      name: waiting.attesterName,
                      organization: waiting.organizationName,
                    })
                  : waiting.organizationName
              }
            />
            <Item label={t('order.stepNow')} value={stateLabel(t, waiting.state)} />
          </>
        ) : null}
        {order.endedAt ? (
          <Item
            label={t('order.endedAt')}
            value={
              <time dateTime={asDate(order.endedAt).toISOString()}>
                {formatDateTime(order.endedAt, language)}
              </time>
            }
          />
        ) : null}
        {order.endReason ? (
          <Item
            label={t('order.endReason')}
            value={<span className="whitespace-pre-line">{order.endReason}</span>}
          />
        ) : null}
      </Section>

      <section aria-labelledby="vag" className="max-w-3xl">
        <h2 id="vag" className="mb-3 font-bold text-2xl">
          {t('order.chainHeading')}
        </h2>
        <ol className="space-y-2">
          {order.steps.map((step) => {
            const organization = stepOrganization(order, step)
            const name = stateLabel(t, step.state)
            return (
              <li
                key={step.state}
                aria-current={step.progress === 'OPEN' ? 'step' : undefined}
                className={`flex gap-3 border-l-4 py-1 pl-3 ${
                  step.progress === 'OPEN'
                    ? 'border-brand bg-surface font-semibold'
                    : step.progress === 'ENDED'
                      ? 'border-error'
                      : step.progress === 'DONE'
                        ? 'border-[#00703c]'
                        : 'border-line'
                }`}
              >
                <span aria-hidden="true" className="w-5 text-center">
                  {MARKS[step.progress]}
                </span>
                <span>
                  <span className="block">
                    {organization ? t('order.chainParty', { step: name, organization }) : name}
                  </span>
                  <span className="block font-normal text-ink-muted">
                    {t(`order.progress.${step.progress}`)}
                  </span>
                </span>
              </li>
            )
          })}
        </ol>
      </section>
    </>
  )
}

/** "Händelser": every step of the order, oldest first: when, who (role and organisation), what and why, how signed. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="handelser" className="max-w-3xl">
      <h2 id="handelser" className="mb-3 font-bold text-2xl">
        {t('order.timelineHeading')}
      </h2>
      {order.timeline.length === 0 ? (
        <p>{t('order.timelineEmpty')}</p>
      ) : (
        <ol className="divide-y divide-line border-line border-y">
          {order.timeline.map((event) => (
            <TimelineEvent key={event.id} event={event} />
          ))}
        </ol>
      )}
    </section>
  )
}

function TimelineEvent({ event }: { event: Event }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const what = oneOf(ACTIONS, event.action)
    ? t(`order.actionsDone.${event.action}`)
    : t('order.actionsDone.other')
  const actor = event.actorRole
    ? t('order.actorWithRole', {
        name: event.actorName,
        role: roleLabel(event.actorRole, language),
        organization: event.actorOrganizationName,
      })
    : t('order.actorWithoutRole', { name: event.actorName, organization: event.actorOrganizationName })
  return (
    <li className="space-y-1 py-3">
      <p className="text-ink-muted">
        <time dateTime={asDate(event.at).toISOString()}>{formatDateTime(event.at, language)}</time>
      </p>
      <p className="font-semibold">{what}</p>
      <p>{actor}</p>
      {event.reason ? (
        <p className="whitespace-pre-line">{t('order.reason', { reason: event.reason })}</p>
      ) : null}
      {event.method ? <p>{event.method === 'SMS' ? t('order.signedSms') : t('order.signedOther')}</p> : null}
      {event.contentHash ? (
        <details>
          <summary className="cursor-pointer text-link underline">
            {t('order.contentHash', { short: event.contentHash.slice(0, 12) })}
          </summary>
          <p className="mt-1">
            {t('order.contentHashFull')} <code className="break-all font-mono">{event.contentHash}</code>
          </p>
        </details>
      ) : null}
    </li>
  )
}
