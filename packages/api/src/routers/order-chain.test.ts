import { randomUUID } from 'node:crypto'
import type { Db, Prisma, Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { catalogueOffering } from '@kundnav/schemas/catalogue'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Chain } from '../chains/engine.ts'
import type { SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { createCaller } from '../root.ts'
import { agentMember, homeMember } from '../testing/procedure-rows.ts'
import {
  actorFor,
  codeOf,
  completeWebcertAnswers,
  createWorld,
  failureOf,
  homeOrderAt,
  TEST_AUTH_SETTINGS,
  testContext,
  type World,
} from '../testing/world.ts'

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
  // The attestants sign with codes: each has a verified number of their own.
  await verifiedMobile(homeMember(world, 'ATTESTER').user.id, '+46705000001')
  await verifiedMobile(agentMember(world, 'ATTESTER').user.id, '+46705000002')
})
afterAll(async () => {
  await db.close()
})

async function verifiedMobile(userId: string, mobile: string) {
  await db.prisma.user.update({ where: { id: userId }, data: { mobile, mobileVerifiedAt: new Date() } })
}

/** Codes are asked for often here: a generous throttle, as if each test were its own window. */
const settings = { ...TEST_AUTH_SETTINGS, stepUpSmsPerAccount: 1000 }
const as = (actor: SessionActor) => createCaller(testContext(db, actor, { settings }))
const anonymous = () => createCaller(testContext(db, null, { settings }))
const at = (org: World['home'], role: Role) => as(actorFor(org, role, world))

async function lastCodeTo(mobile: string) {
  const sms = await db.prisma.outboxMessage.findFirstOrThrow({
    where: { channel: 'SMS', recipient: mobile },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  return sms.text.match(/\b(\d{6})\b/)?.[1] ?? ''
}

/** The newest mail to a person, its subject matching. */
async function mailTo(email: string, subject: RegExp) {
  const mails = await db.prisma.outboxMessage.findMany({
    where: { channel: 'EMAIL', recipient: email },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  const mail = mails.find((candidate) => subject.test(candidate.subject ?? ''))
  if (!mail) throw new Error(`no mail "${subject}" to ${email}: ${mails.map((m) => m.subject).join(', ')}`)
  return mail
}

const signingToken = (text: string) => decodeURIComponent(text.match(/\/attestera\/(\S+)/)?.[1] ?? '')

/** Home's orderer orders "Webcert Integrerad – via agent" through the wizard's procedures. */
async function submitViaAgent() {
  const orderer = at(world.home, 'ORDERER')
  const { draftId } = await orderer.orderDraft.start({ offeringId: world.webcertOfferingId })
  const answers = completeWebcertAnswers(world, homeMember(world, 'ATTESTER').user.id)
  const { updatedAt } = await orderer.orderDraft.save({ draftId, step: 'review', answers })
  const offering = await db.prisma.offering.findUniqueOrThrow({ where: { id: world.webcertOfferingId } })
  return orderer.order.submit({
    draftId,
    idempotencyKey: randomUUID(),
    reviewed: {
      draftUpdatedAt: updatedAt,
      startupFeeOre: offering.startupFeeOre,
      monthlyFeeOre: offering.monthlyFeeOre,
    },
  })
}

async function agentInvoiceAddressId() {
  const address = await db.prisma.invoiceAddress.findFirstOrThrow({
    where: { organizationId: world.agent.organization.id },
  })
  return address.id
}

async function forward(orderId: string) {
  const order = await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })
  return at(world.agent, 'ORDERER').agentOrder.forward({
    orderId,
    version: order.version,
    attestations: ['agent-assigned', 'agent-technical'],
    invoice: { kind: 'existing', invoiceAddressId: await agentInvoiceAddressId() },
    attesterUserId: agentMember(world, 'ATTESTER').user.id,
  })
}

/** The agent's attestant, signed in as Attestant, attests with the code sent to their number. */
async function agentAttests(orderId: string) {
  const attester = at(world.agent, 'ATTESTER')
  const view = await attester.order.get({ orderId })
  const hash = view.you.attestation?.contentHash ?? ''
  const sent = await attester.order.startAttestation({ orderId, contentHash: hash })
  return attester.order.attest({
    orderId,
    response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000002') },
  })
}

const stateOf = async (orderId: string) =>
  (await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).state

describe('"Webcert Integrerad – via agent" from order to completion (seed 004 steps 4–7)', () => {
  it('passes the agent, both attestants and the provider, each told by mail, every step in the timeline', async () => {
    const { orderId, number } = await submitViaAgent()
    expect(await stateOf(orderId)).toBe('AGENT_REVIEW')

    // "Agentens beställare får ett mejl", so does its Handläggare agent.
    const agentOrderer = agentMember(world, 'ORDERER').user
    const turn = await mailTo(agentOrderer.email, new RegExp(`Beställning ${number} väntar på er`))
    expect(turn.text).toContain(`http://portal.test/bestallningar/${orderId}`)
    await mailTo(agentMember(world, 'AGENT_OFFICER').user.email, new RegExp(number))
    const waiting = await at(world.agent, 'AGENT_OFFICER').agentOrder.list({})
    expect(waiting.items.map((row) => row.number)).toContain(number)

    await forward(orderId)
    expect(await stateOf(orderId)).toBe('AGENT_ATTESTATION')
    const agentAttester = agentMember(world, 'ATTESTER').user
    expect((await mailTo(agentAttester.email, /Attestera beställning/)).text).toMatch(/\/attestera\//)

    await agentAttests(orderId)
    expect(await stateOf(orderId)).toBe('CUSTOMER_ATTESTATION')

    // The customer's attestant signs from the mailed link, signed in or not.
    const customerAttester = homeMember(world, 'ATTESTER').user
    const token = signingToken(
      (await mailTo(customerAttester.email, new RegExp(`Attestera beställning ${number}`))).text,
    )
    const opened = await anonymous().signing.open({ token })
    expect(opened.order.agentName).toBe('Agent AB')
    expect(opened.order.agentPart?.invoiceAddress.reference).toBe('Agentreferens 99')
    const sent = await anonymous().signing.startAttestation({
      token,
      contentHash: opened.order.you.attestation?.contentHash ?? '',
    })
    await anonymous().signing.attest({
      token,
      response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000001') },
    })
    expect(await stateOf(orderId)).toBe('PROVIDER_REVIEW')
    const reviewer = world.provider.members.find((m) =>
      m.membership.roles.includes('PROVIDER_REVIEWER'),
    )?.user
    await mailTo(reviewer?.email ?? '', new RegExp(number))
    expect(
      (await at(world.provider, 'PROVIDER_REVIEWER').review.queue({})).items.map((r) => r.number),
    ).toContain(number)

    const { version } = await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    await at(world.provider, 'PROVIDER_REVIEWER').review.approve({ orderId, version })
    const done = await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    expect(done).toMatchObject({ state: 'COMPLETED', status: 'COMPLETED' })
    await mailTo(homeMember(world, 'ORDERER').user.email, new RegExp(`Beställning ${number} är klar`))
    expect((await mailTo(agentOrderer.email, new RegExp(`${number} är klar`))).text).toContain(
      'påbörja den tekniska anslutningen',
    )

    const view = await at(world.home, 'ORDERER').order.get({ orderId })
    expect(view.timeline.map((event) => [event.action, event.toState])).toEqual([
      ['SUBMITTED', 'AGENT_REVIEW'],
      ['FORWARD', 'AGENT_ATTESTATION'],
      ['ATTEST', 'CUSTOMER_ATTESTATION'],
      ['ATTEST', 'PROVIDER_REVIEW'],
      ['APPROVE', 'COMPLETED'],
    ])
    for (const event of view.timeline.filter((e) => e.action === 'ATTEST')) {
      expect(event).toMatchObject({ method: 'SMS', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    }
    expect(view.timeline[2]).toMatchObject({ actorOrganizationName: 'Agent AB', actorRole: 'ATTESTER' })
    expect(view.steps.every((step) => step.progress === 'DONE')).toBe(true)
    // The ordering organisation's log holds every decision on its order, whoever made it.
    const audited = await db.prisma.auditEvent.findMany({
      where: { targetId: orderId, organizationId: world.home.organization.id },
      orderBy: { chainSeq: 'asc' },
    })
    expect(audited.map((event) => event.action)).toEqual([
      'order.submitted',
      'order.forward',
      'order.attest',
      'order.attest',
      'order.approve',
    ])
    expect(
      await db.prisma.auditEvent.count({
        where: { targetId: orderId, organizationId: world.agent.organization.id },
      }),
    ).toBe(2)
  })
})

describe('who sees an order and who acts on it', () => {
  it('shows an order to its organisation, the agent it names and the provider, to no other agent', async () => {
    const { orderId } = await submitViaAgent()
    expect((await at(world.home, 'CONTACT').order.get({ orderId })).id).toBe(orderId)
    expect((await at(world.agent, 'CONTACT').order.get({ orderId })).id).toBe(orderId)
    expect((await at(world.provider, 'PROVIDER_REVIEWER').order.get({ orderId })).id).toBe(orderId)
    expect((await failureOf(at(world.other, 'ORDERER').order.get({ orderId }))).appCode).toBe(
      'ORDER_NOT_FOUND',
    )
    expect((await at(world.other, 'ORDERER').agentOrder.list({ waiting: false })).items).toEqual([])
  })

  it('lets each party act only on its own steps', async () => {
    const { orderId } = await submitViaAgent()
    const version = (await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).version
    // The customer's orderer cannot do the agent's review, nor the provider approve out of turn.
    expect(
      (await failureOf(at(world.provider, 'PROVIDER_REVIEWER').review.approve({ orderId, version }))).appCode,
    ).toBe('NOT_YOUR_STEP')
    await forward(orderId)
    // The customer's attestant is not the agent's.
    const view = await at(world.home, 'ATTESTER').order.get({ orderId })
    expect(view.you.attestation).toBeNull()
    expect(
      (
        await failureOf(
          at(world.home, 'ATTESTER').order.startAttestation({ orderId, contentHash: '0'.repeat(64) }),
        )
      ).appCode,
    ).toBe('NOT_YOUR_STEP')
  })
})

describe('the agent relation', () => {
  it('stops the agent’s attestant once support withdraws the agent capability, link or session', async () => {
    const order = await homeOrderAt(db, world, 'AGENT_ATTESTATION')
    const { announceStep } = await import('../services/order-chain.ts')
    await db.prisma.$transaction((tx) => announceStep(tx, settings, order))
    const token = signingToken(
      (await mailTo(agentMember(world, 'ATTESTER').user.email, new RegExp(order.number))).text,
    )
    await db.prisma.organization.update({
      where: { id: world.agent.organization.id },
      data: { isAgent: false },
    })
    try {
      expect((await failureOf(anonymous().signing.open({ token }))).appCode).toBe('LINK_ROLE_LOST')
      const attempt = await failureOf(
        at(world.agent, 'ATTESTER').order.startAttestation({
          orderId: order.id,
          contentHash: '0'.repeat(64),
        }),
      )
      expect(['ORDER_NOT_FOUND', 'NOT_YOUR_STEP']).toContain(attempt.appCode)
    } finally {
      await db.prisma.organization.update({
        where: { id: world.agent.organization.id },
        data: { isAgent: true },
      })
    }
  })

  it('never offers an agent itself as the agent of its own order', async () => {
    const options = await at(world.agent, 'ORDERER').catalogue.options({
      offeringId: world.webcertOfferingId,
      field: 'agent',
    })
    expect(options.map((option) => option.value)).not.toContain(world.agent.organization.id)
    expect(
      (
        await at(world.home, 'ORDERER').catalogue.options({
          offeringId: world.webcertOfferingId,
          field: 'agent',
        })
      ).map((o) => o.value),
    ).toContain(world.agent.organization.id)
  })

  it('answers lists and pages without a 500 when an order’s stored chain cannot be read', async () => {
    const odd = await homeOrderAt(db, world, 'AGENT_REVIEW', { chain: { nope: true } })
    const list = await at(world.home, 'ORDERER').order.list({})
    expect(list.items.find((row) => row.id === odd.id)?.nextActor).toBeNull()
    expect((await failureOf(at(world.home, 'ORDERER').order.get({ orderId: odd.id }))).appCode).toBe(
      'ORDER_UNREADABLE',
    )
    await db.prisma.order.delete({ where: { id: odd.id } })
  })
})

describe('attestation refusals, each with its own message', () => {
  async function atCustomerAttestation() {
    const order = await homeOrderAt(db, world, 'CUSTOMER_ATTESTATION')
    return order.id
  }
  const attester = () => at(world.home, 'ATTESTER')
  const hashOf = async (orderId: string) =>
    (await attester().order.get({ orderId })).you.attestation?.contentHash ?? ''

  it('refuses an attestation without a code of its own', async () => {
    const orderId = await atCustomerAttestation()
    const failure = await failureOf(
      attester().order.attest({ orderId, response: { challengeId: randomUUID(), code: '123456' } }),
    )
    expect(failure.appCode).toBe('STEP_UP_NOT_FOUND')
    expect(await stateOf(orderId)).toBe('CUSTOMER_ATTESTATION')
  })

  it('refuses a code used twice, and an expired one', async () => {
    const orderId = await atCustomerAttestation()
    const sent = await attester().order.startAttestation({ orderId, contentHash: await hashOf(orderId) })
    const code = await lastCodeTo('+46705000001')
    await db.prisma.stepUpChallenge.update({
      where: { id: sent.challengeId },
      data: { expiresAt: new Date(0) },
    })
    const expired = await failureOf(
      attester().order.attest({ orderId, response: { challengeId: sent.challengeId, code } }),
    )
    expect(expired.appCode).toBe('STEP_UP_EXPIRED')

    const other = await atCustomerAttestation()
    const again = await attester().order.startAttestation({
      orderId: other,
      contentHash: await hashOf(other),
    })
    const response = { challengeId: again.challengeId, code: await lastCodeTo('+46705000001') }
    await attester().order.attest({ orderId: other, response })
    // The step is done: the same code again is refused, whichever step it is shown to.
    const twice = await failureOf(attester().order.attest({ orderId: other, response }))
    expect(['NOT_YOUR_STEP', 'STEP_UP_USED']).toContain(twice.appCode)
    expect(await stateOf(other)).toBe('PROVIDER_REVIEW')
  })

  it('refuses a code sent for another order', async () => {
    const first = await atCustomerAttestation()
    const second = await atCustomerAttestation()
    const sent = await attester().order.startAttestation({ orderId: first, contentHash: await hashOf(first) })
    const failure = await failureOf(
      attester().order.attest({
        orderId: second,
        response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000001') },
      }),
    )
    expect(failure.appCode).toBe('STEP_UP_WRONG_PURPOSE')
    expect(await stateOf(second)).toBe('CUSTOMER_ATTESTATION')
  })

  it('refuses to start from a page showing an older order, and a signature after the order changed', async () => {
    const orderId = await atCustomerAttestation()
    const shown = await hashOf(orderId)
    const sent = await attester().order.startAttestation({ orderId, contentHash: shown })
    await db.prisma.order.update({
      where: { id: orderId },
      data: { quantity: 99, version: { increment: 1 } },
    })
    const changed = await failureOf(
      attester().order.attest({
        orderId,
        response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000001') },
      }),
    )
    expect(changed.appCode).toBe('STEP_UP_CONTENT_CHANGED')
    const stale = await failureOf(attester().order.startAttestation({ orderId, contentHash: shown }))
    expect(stale.appCode).toBe('ORDER_CHANGED')
    expect(await stateOf(orderId)).toBe('CUSTOMER_ATTESTATION')
  })

  it('refuses the submitter attesting in the sign-in they submitted in, not after signing in again', async () => {
    const orderId = await atCustomerAttestation()
    const me = actorFor(world.home, 'ATTESTER', world)
    await db.prisma.order.update({
      where: { id: orderId },
      data: { submittedByUserId: me.userId, submittedSessionId: me.sessionId },
    })
    const sameSignIn = await failureOf(
      as(me).order.startAttestation({ orderId, contentHash: await hashOf(orderId) }),
    )
    expect(sameSignIn.appCode).toBe('SUBMITTER_SAME_SIGN_IN')
    const later = as({ ...me, sessionId: randomUUID() })
    await expect(
      later.order.startAttestation({ orderId, contentHash: await hashOf(orderId) }),
    ).resolves.toMatchObject({
      method: 'SMS',
    })
  })

  it('refuses the submitter altogether when the offering asks for four eyes, even after signing in again', async () => {
    const entry = catalogueOffering('webcert-integrerad-via-agent')
    if (!entry) throw new Error('no offering')
    const orderId = await atCustomerAttestation()
    const me = actorFor(world.home, 'ATTESTER', world)
    await db.prisma.order.update({ where: { id: orderId }, data: { submittedByUserId: me.userId } })
    entry.attesterMustDiffer = true
    try {
      const later = as({ ...me, sessionId: randomUUID() })
      const refused = await failureOf(
        later.order.startAttestation({ orderId, contentHash: await hashOf(orderId) }),
      )
      expect(refused.appCode).toBe('SUBMITTER_MAY_NOT_ATTEST')
    } finally {
      entry.attesterMustDiffer = undefined
    }
  })

  it('refuses the link of a person who lost the Attestant role, and a link whose step has passed', async () => {
    const orderId = await atCustomerAttestation()
    const order = await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    const { announceStep } = await import('../services/order-chain.ts')
    await db.prisma.$transaction((tx) => announceStep(tx, settings, order))
    const token = signingToken(
      (await mailTo(homeMember(world, 'ATTESTER').user.email, new RegExp(order.number))).text,
    )
    expect((await anonymous().signing.open({ token })).order.number).toBe(order.number)

    const { membership } = homeMember(world, 'ATTESTER')
    await db.prisma.membershipRoleEnd.create({
      data: { membershipId: membership.id, role: 'ATTESTER', endsAt: new Date(Date.now() - 1000) },
    })
    try {
      expect((await failureOf(anonymous().signing.open({ token }))).appCode).toBe('LINK_ROLE_LOST')
    } finally {
      await db.prisma.membershipRoleEnd.deleteMany({ where: { membershipId: membership.id } })
    }
    await db.prisma.order.update({ where: { id: orderId }, data: { state: 'PROVIDER_REVIEW' } })
    expect((await failureOf(anonymous().signing.open({ token }))).appCode).toBe('LINK_STEP_CLOSED')
    expect((await failureOf(anonymous().signing.open({ token: 'x'.repeat(43) }))).appCode).toBe(
      'LINK_INVALID',
    )
  })

  it('never lets a session of another person act through a link', async () => {
    const orderId = await atCustomerAttestation()
    const order = await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    const { announceStep } = await import('../services/order-chain.ts')
    await db.prisma.$transaction((tx) => announceStep(tx, settings, order))
    const token = signingToken(
      (await mailTo(homeMember(world, 'ATTESTER').user.email, new RegExp(order.number))).text,
    )
    const someoneElse = at(world.other, 'ATTESTER')
    const opened = await someoneElse.signing.open({ token })
    const sent = await someoneElse.signing.startAttestation({
      token,
      contentHash: opened.order.you.attestation?.contentHash ?? '',
    })
    expect(sent.sentTo).toBe('070-*** ** 01')
    await someoneElse.signing.attest({
      token,
      response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000001') },
    })
    const event = await db.prisma.orderEvent.findFirstOrThrow({ where: { orderId, action: 'ATTEST' } })
    expect(event.actorUserId).toBe(homeMember(world, 'ATTESTER').user.id)
  })
})

describe('rejected, cancelled, withdrawn', () => {
  it('ends the order with the agent’s reason, mails it to the orderer, who orders again', async () => {
    const { orderId, number } = await submitViaAgent()
    await at(world.agent, 'ORDERER').agentOrder.reject({
      orderId,
      version: 1,
      reason: 'Vi har inget avtal med er.',
    })
    const view = await at(world.home, 'ORDERER').order.get({ orderId })
    expect(view).toMatchObject({ status: 'REJECTED', endReason: 'Vi har inget avtal med er.' })
    expect(view.you.mayOrderAgain).toBe(true)
    const mail = await mailTo(homeMember(world, 'ORDERER').user.email, new RegExp(`${number} har avslagits`))
    expect(mail.text).toContain('Motivering: Vi har inget avtal med er.')
    const { draftId } = await at(world.home, 'ORDERER').order.orderAgain({ orderId })
    const draft = await at(world.home, 'ORDERER').orderDraft.get({ draftId })
    expect(draft.answers.fields).toMatchObject({ careUnits: 12, sourceSystem: 'cambio-cosmic' })
  })

  it('needs a reason to reject or cancel', async () => {
    const { orderId } = await submitViaAgent()
    expect(
      await codeOf(at(world.agent, 'ORDERER').agentOrder.reject({ orderId, version: 1, reason: '   ' })),
    ).toBe('BAD_REQUEST')
    expect(await stateOf(orderId)).toBe('AGENT_REVIEW')
  })

  it('lets the orderer withdraw until the first attestation, not after', async () => {
    const early = await homeOrderAt(db, world, 'AGENT_ATTESTATION')
    await at(world.home, 'ORDERER').order.withdraw({
      orderId: early.id,
      version: early.version,
      reason: 'Fel tjänst.',
    })
    expect(await stateOf(early.id)).toBe('WITHDRAWN')
    const late = await homeOrderAt(db, world, 'CUSTOMER_ATTESTATION')
    const failure = await failureOf(
      at(world.home, 'ORDERER').order.withdraw({
        orderId: late.id,
        version: late.version,
        reason: 'För sent.',
      }),
    )
    expect(failure.appCode).toBe('ALREADY_ATTESTED')
  })

  it('refuses a decision made on an older version of the order (a stale tab)', async () => {
    const { orderId } = await submitViaAgent()
    await db.prisma.order.update({ where: { id: orderId }, data: { version: { increment: 1 } } })
    const failure = await failureOf(
      at(world.agent, 'ORDERER').agentOrder.reject({ orderId, version: 1, reason: 'Gammal flik.' }),
    )
    expect(failure.appCode).toBe('ORDER_CHANGED')
  })

  it('gives a waiting attestation another attestant once the chosen one has left', async () => {
    const contact = homeMember(world, 'CONTACT').user.id
    const order = await homeOrderAt(db, world, 'CUSTOMER_ATTESTATION', { attesterUserId: contact })
    const orderer = at(world.home, 'ORDERER')
    expect((await orderer.order.get({ orderId: order.id })).you.mayChangeAttester).toBe(true)
    const attesterId = homeMember(world, 'ATTESTER').user.id
    await orderer.order.changeAttester({
      orderId: order.id,
      version: order.version,
      attesterUserId: attesterId,
    })
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })
    expect(after).toMatchObject({ attesterUserId: attesterId, state: 'CUSTOMER_ATTESTATION' })
    await mailTo(
      homeMember(world, 'ATTESTER').user.email,
      new RegExp(`Attestera beställning ${order.number}`),
    )
    const still = await failureOf(
      orderer.order.changeAttester({ orderId: order.id, version: after.version, attesterUserId: attesterId }),
    )
    expect(still.appCode).toBe('ATTESTER_STILL_HERE')
  })
})

describe('an agent assignment (seed 001 steps 4–6)', () => {
  it('is applied for by the agent, approved by the provider, attested by the agent; then the agent is offered', async () => {
    const { createOrgWithMembers } = await import('@kundnav/db')
    const newAgent = await createOrgWithMembers(db.prisma, {
      name: 'Ny Agent AB',
      isAgent: true,
      members: [
        { name: 'Olle Beställare', roles: ['ORDERER'] },
        { name: 'Anna Attestant', roles: ['ATTESTER'], mobile: '+46705000009' },
      ],
    })
    const orderer = as(actorFor(newAgent, 'ORDERER'))
    const offering = await db.prisma.offering.findUniqueOrThrow({ where: { code: 'webcert-agentuppdrag' } })
    const attesterId = newAgent.members[1]?.user.id ?? ''
    const { draftId } = await orderer.orderDraft.start({ offeringId: offering.id })
    const { updatedAt } = await orderer.orderDraft.save({
      draftId,
      step: 'review',
      answers: {
        fields: { systemName: 'Journalsystemet', plannedCustomers: 10 },
        invoice: {
          kind: 'new',
          addressLine: 'Agentvägen 1',
          postalCode: '111 22',
          city: 'Stad',
          reference: 'Agentuppdrag',
        },
        attesterUserId: attesterId,
        acceptedTermsVersion: 1,
      },
    })
    const { orderId } = await orderer.order.submit({
      draftId,
      idempotencyKey: randomUUID(),
      reviewed: {
        draftUpdatedAt: updatedAt,
        startupFeeOre: offering.startupFeeOre,
        monthlyFeeOre: offering.monthlyFeeOre,
      },
    })
    expect(await stateOf(orderId)).toBe('PROVIDER_REVIEW')
    await at(world.provider, 'PROVIDER_REVIEWER').review.approve({ orderId, version: 1 })
    expect(await stateOf(orderId)).toBe('AGENT_ATTESTATION')

    const attester = as(actorFor(newAgent, 'ATTESTER'))
    const view = await attester.order.get({ orderId })
    const sent = await attester.order.startAttestation({
      orderId,
      contentHash: view.you.attestation?.contentHash ?? '',
    })
    await attester.order.attest({
      orderId,
      response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000009') },
    })
    expect(await stateOf(orderId)).toBe('COMPLETED')

    const agents = await at(world.home, 'ORDERER').catalogue.options({
      offeringId: world.webcertOfferingId,
      field: 'agent',
    })
    expect(agents.map((option) => option.label)).toContain('Ny Agent AB')
  })
})

describe('a chain given as data', () => {
  it('runs an order through a throwaway chain of two customer attestations with no code of its own', async () => {
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
    const order = await homeOrderAt(db, world, 'FIRST_ATTESTATION', {
      chain: twoAttestations as unknown as Prisma.InputJsonObject,
      agentOrganizationId: null,
    })
    const attester = at(world.home, 'ATTESTER')
    for (const expected of ['SECOND_ATTESTATION', 'COMPLETED']) {
      const view = await attester.order.get({ orderId: order.id })
      const sent = await attester.order.startAttestation({
        orderId: order.id,
        contentHash: view.you.attestation?.contentHash ?? '',
      })
      await attester.order.attest({
        orderId: order.id,
        response: { challengeId: sent.challengeId, code: await lastCodeTo('+46705000001') },
      })
      expect(await stateOf(order.id)).toBe(expected)
    }
  })
})

describe('a step is decided once', () => {
  it('lets exactly one of 50 concurrent decisions through: attestations with their own codes, and cancellations', async () => {
    const order = await homeOrderAt(db, world, 'CUSTOMER_ATTESTATION')
    const attester = at(world.home, 'ATTESTER')
    const hash = (await attester.order.get({ orderId: order.id })).you.attestation?.contentHash ?? ''
    const responses: { challengeId: string; code: string }[] = []
    for (let i = 0; i < 25; i++) {
      const sent = await attester.order.startAttestation({ orderId: order.id, contentHash: hash })
      responses.push({ challengeId: sent.challengeId, code: await lastCodeTo('+46705000001') })
    }
    // Each start replaced the one before; here every one of them is open at once.
    await db.prisma.stepUpChallenge.updateMany({
      where: { id: { in: responses.map((r) => r.challengeId) } },
      data: { status: 'PENDING' },
    })
    const decisions = [
      ...responses.map((response) => attester.order.attest({ orderId: order.id, response })),
      ...responses.map(() =>
        attester.order.cancel({ orderId: order.id, version: order.version, reason: 'Avbryt.' }),
      ),
    ]
    const results = await Promise.allSettled(decisions)
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(AppError)
    }
    const events = await db.prisma.orderEvent.findMany({ where: { orderId: order.id } })
    expect(events).toHaveLength(1)
    expect(
      await db.prisma.signature.count({ where: { subjectId: `${order.id}:CUSTOMER_ATTESTATION` } }),
    ).toBeLessThanOrEqual(1)
  })
})

describe('identical parallel requests', () => {
  it('forwards an order once of 20 identical forwards with a new invoice address, keeping one address', async () => {
    const order = await homeOrderAt(db, world, 'AGENT_REVIEW')
    const reference = `Parallell ${randomUUID().slice(0, 8)}`
    const forward = () =>
      at(world.agent, 'ORDERER').agentOrder.forward({
        orderId: order.id,
        version: order.version,
        attestations: ['agent-assigned', 'agent-technical'],
        invoice: {
          kind: 'new',
          addressLine: 'Parallellgatan 1',
          postalCode: '123 45',
          city: 'Stad',
          reference,
        },
        attesterUserId: agentMember(world, 'ATTESTER').user.id,
      })
    const results = await Promise.allSettled(Array.from({ length: 20 }, forward))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(AppError)
    }
    expect(await db.prisma.invoiceAddress.count({ where: { reference } })).toBe(1)
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, action: 'FORWARD' } })).toBe(1)
  })

  it('approves an order once of 20 identical approvals', async () => {
    const order = await homeOrderAt(db, world, 'PROVIDER_REVIEW')
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        at(world.provider, 'PROVIDER_REVIEWER').review.approve({ orderId: order.id, version: order.version }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, action: 'APPROVE' } })).toBe(1)
  })
})

describe('provider support', () => {
  it('grants the agent capability, and the organisation may then handle orders naming it', async () => {
    const { createOrgWithMembers } = await import('@kundnav/db')
    const org = await createOrgWithMembers(db.prisma, {
      name: 'Blivande Agent AB',
      members: [{ roles: ['ORDERER'] }],
    })
    expect(await codeOf(as(actorFor(org, 'ORDERER')).agentOrder.list({}))).toBe('FORBIDDEN')
    await at(world.provider, 'PROVIDER_SUPPORT').support.setAgent({
      organizationId: org.organization.id,
      isAgent: true,
    })
    expect((await as(actorFor(org, 'ORDERER')).agentOrder.list({})).items).toEqual([])
  })
})
