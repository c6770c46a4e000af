import { describe, expect, it } from 'vitest'
import {
  assertValidChain,
  CHAIN_ACTIONS,
  CHAINS,
  type Chain,
  type ChainAction,
  decide,
  END_STATES,
  firstState,
} from './engine.ts'

/** Every state of every seeded chain and every action: what it leads to, or "refused: why". */
const EXPECTED: Record<keyof typeof CHAINS, Record<string, Record<ChainAction, string>>> = {
  VIA_AGENT: {
    AGENT_REVIEW: {
      FORWARD: 'AGENT_ATTESTATION',
      ATTEST: 'refused: NOT_ALLOWED_HERE',
      APPROVE: 'refused: NOT_ALLOWED_HERE',
      REJECT: 'REJECTED',
      CANCEL: 'refused: NOT_ALLOWED_HERE',
      WITHDRAW: 'WITHDRAWN',
    },
    AGENT_ATTESTATION: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'CUSTOMER_ATTESTATION',
      APPROVE: 'refused: NOT_ALLOWED_HERE',
      REJECT: 'refused: NOT_ALLOWED_HERE',
      CANCEL: 'CANCELLED',
      WITHDRAW: 'WITHDRAWN',
    },
    CUSTOMER_ATTESTATION: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'PROVIDER_REVIEW',
      APPROVE: 'refused: NOT_ALLOWED_HERE',
      REJECT: 'refused: NOT_ALLOWED_HERE',
      CANCEL: 'CANCELLED',
      WITHDRAW: 'refused: ALREADY_ATTESTED',
    },
    PROVIDER_REVIEW: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'refused: NOT_ALLOWED_HERE',
      APPROVE: 'COMPLETED',
      REJECT: 'REJECTED',
      CANCEL: 'refused: NOT_ALLOWED_HERE',
      WITHDRAW: 'refused: ALREADY_ATTESTED',
    },
  },
  WITHOUT_AGENT: {
    CUSTOMER_ATTESTATION: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'PROVIDER_REVIEW',
      APPROVE: 'refused: NOT_ALLOWED_HERE',
      REJECT: 'refused: NOT_ALLOWED_HERE',
      CANCEL: 'CANCELLED',
      WITHDRAW: 'WITHDRAWN',
    },
    PROVIDER_REVIEW: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'refused: NOT_ALLOWED_HERE',
      APPROVE: 'COMPLETED',
      REJECT: 'REJECTED',
      CANCEL: 'refused: NOT_ALLOWED_HERE',
      WITHDRAW: 'refused: ALREADY_ATTESTED',
    },
  },
  AGENT_ASSIGNMENT: {
    PROVIDER_REVIEW: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'refused: NOT_ALLOWED_HERE',
      APPROVE: 'AGENT_ATTESTATION',
      REJECT: 'REJECTED',
      CANCEL: 'refused: NOT_ALLOWED_HERE',
      WITHDRAW: 'WITHDRAWN',
    },
    AGENT_ATTESTATION: {
      FORWARD: 'refused: NOT_ALLOWED_HERE',
      ATTEST: 'COMPLETED',
      APPROVE: 'refused: NOT_ALLOWED_HERE',
      REJECT: 'refused: NOT_ALLOWED_HERE',
      CANCEL: 'CANCELLED',
      WITHDRAW: 'WITHDRAWN',
    },
  },
}

const outcome = (chain: Chain, state: string, action: ChainAction) => {
  const decision = decide(chain, state, action)
  return decision.allowed ? decision.next : `refused: ${decision.reason}`
}

describe('the seeded chains', () => {
  it('start where seeds 001 and 004 say', () => {
    expect(firstState(CHAINS.VIA_AGENT)).toBe('AGENT_REVIEW')
    expect(firstState(CHAINS.WITHOUT_AGENT)).toBe('CUSTOMER_ATTESTATION')
    expect(firstState(CHAINS.AGENT_ASSIGNMENT)).toBe('PROVIDER_REVIEW')
  })

  for (const [name, states] of Object.entries(EXPECTED)) {
    const chain = CHAINS[name as keyof typeof CHAINS]
    it(`${name}: has exactly the states the table names, in order`, () => {
      assertValidChain(chain)
      expect(chain.steps.map((step) => step.state)).toEqual(Object.keys(states))
    })
    for (const [state, actions] of Object.entries(states)) {
      it.each(CHAIN_ACTIONS)(`${name} at ${state}: %s`, (action) => {
        expect(outcome(chain, state, action)).toBe(actions[action])
      })
    }
    it.each([...END_STATES])(`${name}: refuses every action once the order is %s`, (state) => {
      for (const action of CHAIN_ACTIONS) expect(outcome(chain, state, action)).toBe('refused: ENDED')
    })
    it(`${name}: refuses a state it does not have`, () => {
      expect(outcome(chain, 'NO_SUCH_STEP', 'APPROVE')).toBe('refused: UNKNOWN_STATE')
    })
  }
})

describe('a chain given as data', () => {
  it('runs a throwaway chain of two customer attestations with no code of its own', () => {
    const twoAttestations: Chain = {
      steps: [
        {
          state: 'FIRST_ATTESTATION',
          party: 'ORDERING',
          actor: { chosenAttester: true },
          actions: ['ATTEST', 'CANCEL'],
        },
        {
          state: 'SECOND_ATTESTATION',
          party: 'ORDERING',
          actor: { chosenAttester: true },
          actions: ['ATTEST', 'CANCEL'],
        },
      ],
    }
    assertValidChain(twoAttestations)
    let state = firstState(twoAttestations)
    const path = [state]
    while (state !== 'COMPLETED') {
      const decision = decide(twoAttestations, state, 'ATTEST')
      if (!decision.allowed) throw new Error(decision.reason)
      state = decision.next
      path.push(state)
    }
    expect(path).toEqual(['FIRST_ATTESTATION', 'SECOND_ATTESTATION', 'COMPLETED'])
    expect(outcome(twoAttestations, 'SECOND_ATTESTATION', 'WITHDRAW')).toBe('refused: ALREADY_ATTESTED')
  })

  it.each([
    ['no steps', { steps: [] }, /at least one step/],
    [
      'an end state as a step',
      {
        steps: [
          { state: 'COMPLETED', party: 'PROVIDER', actor: { chosenAttester: true }, actions: ['ATTEST'] },
        ],
      },
      /end state/,
    ],
    [
      'a state twice',
      {
        steps: [
          { state: 'A', party: 'ORDERING', actor: { chosenAttester: true }, actions: ['ATTEST'] },
          { state: 'A', party: 'ORDERING', actor: { chosenAttester: true }, actions: ['ATTEST'] },
        ],
      },
      /twice/,
    ],
    [
      'a step allowing nothing',
      { steps: [{ state: 'A', party: 'ORDERING', actor: { chosenAttester: true }, actions: [] }] },
      /allows nothing/,
    ],
    [
      'a step nobody acts on',
      { steps: [{ state: 'A', party: 'PROVIDER', actor: { roles: [] }, actions: ['APPROVE'] }] },
      /Nobody acts/,
    ],
  ] as [string, Chain, RegExp][])('refuses a chain with %s', (_name, chain, message) => {
    expect(() => assertValidChain(chain)).toThrow(message)
  })
})
