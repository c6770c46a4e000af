import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { approveText } from './order-actions.tsx'
import type { Order } from './order-query.ts'

/** A `t` that shows the key and its values, so the tests see which text was chosen with what. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction

type Step = Order['steps'][number]

function order(steps: Step[], agentName: string | null): Order {
  return {
    steps,
    agentName,
    organizationName: 'Region Norrby',
    providerName: 'Servicemyndigheten',
  } as Order
}

describe('approveText', () => {
  it('says the order becomes complete when the review is the last step, naming the agent only when there is one', () => {
    const steps: Step[] = [
      { state: 'CUSTOMER_ATTESTATION', party: 'ORDERING', progress: 'DONE' },
      { state: 'PROVIDER_REVIEW', party: 'PROVIDER', progress: 'OPEN' },
    ]
    expect(approveText(t, order(steps, null))).toBe('order.approveCompletes')
    expect(approveText(t, order(steps, 'Journalsystem AB'))).toBe(
      'order.approveCompletesWithAgent {"agent":"Journalsystem AB"}',
    )
  })

  it('names the next step and its party when the review is not the last step', () => {
    const steps: Step[] = [
      { state: 'PROVIDER_REVIEW', party: 'PROVIDER', progress: 'OPEN' },
      { state: 'AGENT_ATTESTATION', party: 'AGENT', progress: 'LATER' },
    ]
    expect(approveText(t, order(steps, 'Journalsystem AB'))).toBe(
      'order.approveNextAttestation {"step":"order.states.AGENT_ATTESTATION","organization":"Journalsystem AB"}',
    )
  })
})
