/**
 * Approval chains as data, and the pure state machine that moves an order along one. A chain is a list of
 * steps; each is owned by a party (the ordering organisation, its agent, the provider), acted on by roles of
 * that party or by the attestant the party chose, tells someone when it opens, and allows some actions.
 * Nothing here reads the database: the order service asks `decide` and writes what it answers.
 */
import type { Role } from '@kundnav/schemas'

/** Whose step it is: the organisation that ordered, the agent the order names, or the provider. */
export type Party = 'ORDERING' | 'AGENT' | 'PROVIDER'

/**
 * FORWARD after review, ATTEST with a step-up, APPROVE (the provider's review), REJECT or CANCEL with a
 * reason. WITHDRAW is the orderer's, at any open step until the first attestation.
 */
export const CHAIN_ACTIONS = ['FORWARD', 'ATTEST', 'APPROVE', 'REJECT', 'CANCEL', 'WITHDRAW'] as const
export type ChainAction = (typeof CHAIN_ACTIONS)[number]

/** Where an order ends. */
export const END_STATES = ['COMPLETED', 'REJECTED', 'CANCELLED', 'WITHDRAWN'] as const
export type EndState = (typeof END_STATES)[number]

export interface ChainStep {
  /** The order's state while this step is open, unique within the chain ("AGENT_REVIEW"). */
  state: string
  party: Party
  /**
   * Who acts: members of the party holding one of `roles`, or only the attestant the party chose (who must
   * still hold Attestant there).
   */
  actor: { roles: readonly Role[] } | { chosenAttester: true }
  /** What may be done here; WITHDRAW is never listed (it is the orderer's, not the step's). */
  actions: readonly Exclude<ChainAction, 'WITHDRAW'>[]
}

export interface Chain {
  steps: readonly ChainStep[]
}

/** The actions that need a reason, shown to the ordering organisation and mailed to its orderer. */
export const ACTIONS_WITH_REASON: readonly ChainAction[] = ['REJECT', 'CANCEL']

/** The actions that need a fresh step-up: the signature binds what the page showed. */
export const SIGNED_ACTIONS: readonly ChainAction[] = ['ATTEST']

export type Decision =
  | { allowed: true; next: string; ended: EndState | null }
  | { allowed: false; reason: 'ENDED' | 'UNKNOWN_STATE' | 'NOT_ALLOWED_HERE' | 'ALREADY_ATTESTED' }

/** The state an order enters when it is submitted: its chain's first step. */
export function firstState(chain: Chain): string {
  const [first] = chain.steps
  if (!first) throw new Error('A chain needs at least one step.')
  return first.state
}

export function stepOf(chain: Chain, state: string): ChainStep | null {
  return chain.steps.find((step) => step.state === state) ?? null
}

export function isEnded(state: string): state is EndState {
  return (END_STATES as readonly string[]).includes(state)
}

/** Whether an attestation was made before `state` (withdrawal is possible until the first one). */
export function attestedBefore(chain: Chain, state: string): boolean {
  const index = chain.steps.findIndex((step) => step.state === state)
  const passed = index === -1 ? chain.steps : chain.steps.slice(0, index)
  return passed.some((step) => step.actions.includes('ATTEST'))
}

/** What `action` at `state` leads to, or why it is refused. */
export function decide(chain: Chain, state: string, action: ChainAction): Decision {
  if (isEnded(state)) return { allowed: false, reason: 'ENDED' }
  const index = chain.steps.findIndex((step) => step.state === state)
  const step = chain.steps[index]
  if (!step) return { allowed: false, reason: 'UNKNOWN_STATE' }
  if (action === 'WITHDRAW') {
    return attestedBefore(chain, state)
      ? { allowed: false, reason: 'ALREADY_ATTESTED' }
      : { allowed: true, next: 'WITHDRAWN', ended: 'WITHDRAWN' }
  }
  if (!step.actions.includes(action)) return { allowed: false, reason: 'NOT_ALLOWED_HERE' }
  if (action === 'REJECT') return { allowed: true, next: 'REJECTED', ended: 'REJECTED' }
  if (action === 'CANCEL') return { allowed: true, next: 'CANCELLED', ended: 'CANCELLED' }
  const following = chain.steps[index + 1]
  return following
    ? { allowed: true, next: following.state, ended: null }
    : { allowed: true, next: 'COMPLETED', ended: 'COMPLETED' }
}

/** Checks a chain given as data: at least one step, unique states that are no end state, actions given. */
export function assertValidChain(chain: Chain): void {
  if (chain.steps.length === 0) throw new Error('A chain needs at least one step.')
  const seen = new Set<string>()
  for (const step of chain.steps) {
    if (isEnded(step.state)) throw new Error(`"${step.state}" is an end state, not a step.`)
    if (seen.has(step.state)) throw new Error(`The state "${step.state}" appears twice.`)
    seen.add(step.state)
    if (step.actions.length === 0) throw new Error(`The step "${step.state}" allows nothing.`)
    if ('roles' in step.actor && step.actor.roles.length === 0) {
      throw new Error(`Nobody acts at "${step.state}".`)
    }
  }
}

const attestation = (state: string, party: Party): ChainStep => ({
  state,
  party,
  actor: { chosenAttester: true },
  actions: ['ATTEST', 'CANCEL'],
})

const providerReview: ChainStep = {
  state: 'PROVIDER_REVIEW',
  party: 'PROVIDER',
  actor: { roles: ['PROVIDER_REVIEWER'] },
  actions: ['APPROVE', 'REJECT'],
}

/** The seeded chains (seeds 001 and 004), by the name an offering gives (`Offering.chain`). */
export const CHAINS = {
  VIA_AGENT: {
    steps: [
      {
        state: 'AGENT_REVIEW',
        party: 'AGENT',
        actor: { roles: ['ORDERER', 'AGENT_OFFICER'] },
        actions: ['FORWARD', 'REJECT'],
      },
      attestation('AGENT_ATTESTATION', 'AGENT'),
      attestation('CUSTOMER_ATTESTATION', 'ORDERING'),
      providerReview,
    ],
  },
  WITHOUT_AGENT: { steps: [attestation('CUSTOMER_ATTESTATION', 'ORDERING'), providerReview] },
  AGENT_ASSIGNMENT: { steps: [providerReview, attestation('AGENT_ATTESTATION', 'ORDERING')] },
} as const satisfies Record<string, Chain>

export type ChainName = keyof typeof CHAINS
