import { randomUUID } from 'node:crypto'
import type { Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { syncCatalogue } from '../services/catalogue.ts'
import { homeMember } from '../testing/procedure-rows.ts'
import {
  actorFor,
  callerFor,
  completeWebcertAnswers,
  createWorld,
  failureOf,
  type World,
} from '../testing/world.ts'

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

const orderer = () => callerFor(db, actorFor(world.home, 'ORDERER', world))
const reviewer = () => callerFor(db, actorFor(world.provider, 'PROVIDER_REVIEWER', world))
const attesterId = () => homeMember(world, 'ATTESTER').user.id

/** A draft of home's orderer with every step answered, then `change` applied to its answers. */
type Answers = ReturnType<typeof completeWebcertAnswers>

async function draftWith(change: (answers: Answers) => object = (a) => a) {
  const { draftId } = await orderer().orderDraft.start({ offeringId: world.webcertOfferingId })
  const answers = change(completeWebcertAnswers(world, attesterId()))
  await orderer().orderDraft.save({ draftId, step: 'review', answers: answers as never })
  return draftId
}

/** What the review shows of a draft: as saved, at today's prices. */
async function reviewedOf(draftId: string) {
  const draft = await db.prisma.orderDraft.findUniqueOrThrow({ where: { id: draftId } })
  const offering = await db.prisma.offering.findUniqueOrThrow({ where: { id: draft.offeringId } })
  return {
    draftUpdatedAt: draft.updatedAt,
    startupFeeOre: offering.startupFeeOre,
    monthlyFeeOre: offering.monthlyFeeOre,
  }
}

const ordersOfHome = () => db.prisma.order.count({ where: { organizationId: world.home.organization.id } })

describe('order.submit', () => {
  it('makes an order with its number, the price and terms version it was submitted with, and ends the draft', async () => {
    const draftId = await draftWith()
    const { number, orderId } = await orderer().order.submit({
      draftId,
      idempotencyKey: randomUUID(),
      reviewed: await reviewedOf(draftId),
    })
    expect(number).toMatch(/^B-\d{4}-\d{6}$/)
    await reviewer().catalogue.setPrice({
      offeringId: world.webcertOfferingId,
      startupFeeOre: 2_000_000,
      monthlyFeeOre: 30_000,
    })
    const order = await orderer().order.get({ orderId })
    expect(order).toMatchObject({
      number,
      status: 'SUBMITTED',
      quantity: 12,
      startupFeeOre: 1_500_000,
      monthlyFeeOre: 25_000,
      terms: { version: 1 },
      fields: { careUnits: 12, sourceSystem: 'cambio-cosmic', agent: world.agentOrganizationId },
      invoiceAddress: { reference: 'Hemmareferens 4711' },
    })
    expect(order.attestations.map((question) => question.id)).toEqual(['hsa', 'agent-informed'])
    // The agent is named for every reader of the order, also one who may not read the catalogue.
    expect(order.fieldLabels).toEqual({ agent: 'Agent AB' })
    const contact = callerFor(db, actorFor(world.home, 'CONTACT', world))
    expect((await contact.order.get({ orderId })).fieldLabels).toEqual({ agent: 'Agent AB' })
    expect(await db.prisma.orderDraft.count({ where: { id: draftId } })).toBe(0)
    const audit = await db.prisma.auditEvent.findFirst({ where: { targetId: orderId } })
    expect(audit?.action).toBe('order.submitted')
    // The next order takes the new price.
    const nextDraft = await draftWith()
    const next = await orderer().order.submit({
      draftId: nextDraft,
      idempotencyKey: randomUUID(),
      reviewed: await reviewedOf(nextDraft),
    })
    expect((await orderer().order.get({ orderId: next.orderId })).startupFeeOre).toBe(2_000_000)
    await reviewer().catalogue.setPrice({
      offeringId: world.webcertOfferingId,
      startupFeeOre: 1_500_000,
      monthlyFeeOre: 25_000,
    })
  })

  it('refuses fields the offering’s schema does not accept, with a message per field, and saves nothing', async () => {
    const before = await ordersOfHome()
    const addresses = await db.prisma.invoiceAddress.count()
    const draftId = await draftWith((answers) => ({
      ...answers,
      fields: { careUnits: 0, sourceSystem: 'punch-cards', agent: world.agentOrganizationId },
      invoice: { kind: 'new', addressLine: 'Ny väg 1', postalCode: '111 22', city: 'Ort', reference: 'R' },
    }))
    const error = await orderer()
      .order.submit({ draftId, idempotencyKey: randomUUID(), reviewed: await reviewedOf(draftId) })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    const cause = (error as TRPCError).cause
    // A ZodError: the answer then carries the messages per field (trpc.ts's errorFormatter).
    expect(cause).toBeInstanceOf(ZodError)
    const issues = (cause as ZodError).issues
    expect(Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issue.message]))).toEqual({
      careUnits: 'Ange minst 1 vårdenhet.',
      sourceSystem: 'Välj ert källsystem.',
    })
    expect(await ordersOfHome()).toBe(before)
    expect(await db.prisma.invoiceAddress.count()).toBe(addresses)
    expect(await db.prisma.orderDraft.count({ where: { id: draftId } })).toBe(1)
  })

  it('refuses an agent not assigned to the service, unticked questions, no attestant and terms not accepted', async () => {
    const stranger = randomUUID()
    const cases: [string, (answers: Answers) => object][] = [
      ['OPTION_NOT_OFFERED', (a) => ({ ...a, fields: { ...a.fields, agent: world.home.organization.id } })],
      ['ATTESTATIONS_MISSING', (a) => ({ ...a, attestations: ['hsa'] })],
      ['ATTESTER_MISSING', (a) => ({ ...a, attesterUserId: homeMember(world, 'ORDERER').user.id })],
      ['INVOICE_NOT_FOUND', (a) => ({ ...a, invoice: { kind: 'existing', invoiceAddressId: stranger } })],
      ['TERMS_NOT_ACCEPTED', (a) => ({ ...a, acceptedTermsVersion: undefined })],
    ]
    const before = await ordersOfHome()
    for (const [expected, change] of cases) {
      const draftId = await draftWith(change)
      const error = await failureOf(
        orderer().order.submit({
          draftId,
          idempotencyKey: randomUUID(),
          reviewed: await reviewedOf(draftId),
        }),
      )
      expect(error.appCode, expected).toBe(expected)
    }
    expect(await ordersOfHome()).toBe(before)
  })

  it('asks to accept the terms again when a new version was published after they were accepted', async () => {
    const fristaende = await db.prisma.offering.findUniqueOrThrow({ where: { code: 'webcert-fristaende' } })
    const { draftId } = await orderer().orderDraft.start({ offeringId: fristaende.id })
    const version = (await orderer().catalogue.offering({ offeringId: fristaende.id })).terms.version
    await orderer().orderDraft.save({
      draftId,
      step: 'review',
      answers: {
        fields: { careUnits: 2 },
        attestations: ['hsa'],
        invoice: { kind: 'existing', invoiceAddressId: world.homeInvoiceAddressId },
        attesterUserId: attesterId(),
        acceptedTermsVersion: version,
      },
    })
    await reviewer().catalogue.publishTerms({
      offeringId: fristaende.id,
      textSv: 'Ändrade.',
      textEn: 'Changed.',
    })
    const error = await failureOf(
      orderer().order.submit({ draftId, idempotencyKey: randomUUID(), reviewed: await reviewedOf(draftId) }),
    )
    expect(error.appCode).toBe('TERMS_NOT_ACCEPTED')
    expect(error.message).toMatch(/har ändrats/)
  })

  it('keeps a new invoice address for the next order', async () => {
    const draftId = await draftWith((answers) => ({
      ...answers,
      invoice: {
        kind: 'new',
        addressLine: 'Sparvägen 3',
        postalCode: '12345',
        city: 'Kvarby',
        reference: 'Kv-7',
      },
    }))
    await orderer().order.submit({
      draftId,
      idempotencyKey: randomUUID(),
      reviewed: await reviewedOf(draftId),
    })
    const addresses = await orderer().order.invoiceAddresses()
    expect(addresses.map((address) => address.reference)).toContain('Kv-7')
  })

  it('makes one order of one idempotency key, however often and however parallel it is sent', async () => {
    const draftId = await draftWith()
    const idempotencyKey = randomUUID()
    const reviewed = await reviewedOf(draftId)
    const before = await ordersOfHome()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        orderer()
          .order.submit({ draftId, idempotencyKey, reviewed })
          .catch((error: unknown) => error),
      ),
    )
    const numbers = new Set(answers.map((answer) => (answer as { number?: string }).number))
    expect(answers.filter((answer) => answer instanceof Error)).toEqual([])
    expect(numbers.size).toBe(1)
    expect(await ordersOfHome()).toBe(before + 1)
    expect((await orderer().order.submit({ draftId, idempotencyKey, reviewed })).number).toBe([...numbers][0])
  })
})

describe('order.submit refuses what the person did not check', () => {
  it('refuses a key already used for another draft or by another person, and leaves that draft alone', async () => {
    const idempotencyKey = randomUUID()
    const firstDraft = await draftWith()
    const first = await orderer().order.submit({
      draftId: firstDraft,
      idempotencyKey,
      reviewed: await reviewedOf(firstDraft),
    })
    const otherDraft = await draftWith()
    const reused = await failureOf(
      orderer().order.submit({ draftId: otherDraft, idempotencyKey, reviewed: await reviewedOf(otherDraft) }),
    )
    expect(reused.appCode).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await db.prisma.orderDraft.count({ where: { id: otherDraft } })).toBe(1)
    const colleague = callerFor(db, {
      ...actorFor(world.home, 'ORDERER', world),
      userId: homeMember(world, 'ADMIN').user.id,
    })
    const { draftId } = await colleague.orderDraft.start({ offeringId: world.webcertOfferingId })
    expect(
      (
        await failureOf(
          colleague.order.submit({ draftId, idempotencyKey, reviewed: await reviewedOf(draftId) }),
        )
      ).appCode,
    ).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await db.prisma.order.count({ where: { idempotencyKey } })).toBe(1)
    expect(first.number).toMatch(/^B-/)
  })

  it('refuses a draft changed since the review (another tab) and a price changed since, and makes nothing', async () => {
    const draftId = await draftWith()
    const seen = await orderer().orderDraft.get({ draftId })
    const offering = await orderer().catalogue.offering({ offeringId: world.webcertOfferingId })
    const reviewed = {
      draftUpdatedAt: seen.updatedAt,
      startupFeeOre: offering.startupFeeOre,
      monthlyFeeOre: offering.monthlyFeeOre,
    }
    const before = await ordersOfHome()
    // Another tab saves a change after this one's review.
    await orderer().orderDraft.save({
      draftId,
      step: 'review',
      answers: { ...seen.answers, fields: { ...seen.answers.fields, careUnits: 50 } },
    })
    const changed = await failureOf(
      orderer().order.submit({ draftId, idempotencyKey: randomUUID(), reviewed }),
    )
    expect(changed.appCode).toBe('DRAFT_CHANGED')
    const reseen = await orderer().orderDraft.get({ draftId })
    await reviewer().catalogue.setPrice({
      offeringId: world.webcertOfferingId,
      startupFeeOre: 9,
      monthlyFeeOre: 9,
    })
    const priced = await failureOf(
      orderer().order.submit({
        draftId,
        idempotencyKey: randomUUID(),
        reviewed: { ...reviewed, draftUpdatedAt: reseen.updatedAt },
      }),
    )
    expect(priced.appCode).toBe('PRICE_CHANGED')
    expect(await ordersOfHome()).toBe(before)
    const made = await orderer().order.submit({
      draftId,
      idempotencyKey: randomUUID(),
      reviewed: { draftUpdatedAt: reseen.updatedAt.toISOString(), startupFeeOre: 9, monthlyFeeOre: 9 },
    })
    expect((await orderer().order.get({ orderId: made.orderId })).quantity).toBe(50)
    await reviewer().catalogue.setPrice({
      offeringId: world.webcertOfferingId,
      startupFeeOre: 1_500_000,
      monthlyFeeOre: 25_000,
    })
  })
})

describe('the catalogue', () => {
  it('warns with the organisation’s own orders of the offering in progress only', async () => {
    const own = (await orderer().catalogue.offering({ offeringId: world.webcertOfferingId })).ordersInProgress
    expect(own).toBe(await ordersOfHome())
    const other = callerFor(db, actorFor(world.other, 'ORDERER', world))
    expect((await other.catalogue.offering({ offeringId: world.webcertOfferingId })).ordersInProgress).toBe(0)
  })

  it('offers the agent-assignment offering to agents only, and lists the agents assigned to the service', async () => {
    const codes = async (caller: ReturnType<typeof orderer>) =>
      (await caller.catalogue.list()).flatMap((service) => service.offerings.map((offering) => offering.code))
    expect(await codes(orderer())).not.toContain('webcert-agentuppdrag')
    await db.prisma.organization.update({
      where: { id: world.other.organization.id },
      data: { isAgent: true },
    })
    const agentOrderer = callerFor(db, actorFor(world.other, 'ORDERER', world))
    expect(await codes(agentOrderer)).toContain('webcert-agentuppdrag')
    await db.prisma.organization.update({
      where: { id: world.other.organization.id },
      data: { isAgent: false },
    })
    const agents = await orderer().catalogue.options({ offeringId: world.webcertOfferingId, field: 'agent' })
    expect(agents).toEqual([{ value: world.agentOrganizationId, label: 'Agent AB' }])
  })

  it('keeps the price and terms staff set when the catalogue is written again at start-up', async () => {
    await reviewer().catalogue.setPrice({
      offeringId: world.webcertOfferingId,
      startupFeeOre: 1,
      monthlyFeeOre: 2,
    })
    await syncCatalogue(db)
    const offering = await db.prisma.offering.findUniqueOrThrow({ where: { id: world.webcertOfferingId } })
    expect([offering.startupFeeOre, offering.monthlyFeeOre]).toEqual([1, 2])
    await reviewer().catalogue.setPrice({
      offeringId: world.webcertOfferingId,
      startupFeeOre: 1_500_000,
      monthlyFeeOre: 25_000,
    })
  })
})

describe('keyset pages', () => {
  it('"Mina beställningar" and "Dina utkast" page through every row once, newest first', async () => {
    await draftWith()
    await draftWith()
    const orders: string[] = []
    let orderCursor: { submittedAt: string; id: string } | undefined
    do {
      const page = await orderer().order.list({ limit: 2, cursor: orderCursor })
      orders.push(...page.items.map((order) => order.id))
      orderCursor = page.nextCursor
        ? { submittedAt: page.nextCursor.submittedAt.toISOString(), id: page.nextCursor.id }
        : undefined
    } while (orderCursor)
    const allOrders = await db.prisma.order.findMany({
      where: { organizationId: world.home.organization.id },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    })
    expect(orders).toEqual(allOrders.map((order) => order.id))

    const drafts: string[] = []
    let draftCursor: { updatedAt: Date; id: string } | undefined
    do {
      const page = await orderer().orderDraft.list({ limit: 2, cursor: draftCursor })
      drafts.push(...page.items.map((draft) => draft.id))
      draftCursor = page.nextCursor ?? undefined
    } while (draftCursor)
    const allDrafts = await db.prisma.orderDraft.findMany({
      where: {
        organizationId: world.home.organization.id,
        createdByUserId: homeMember(world, 'ORDERER').user.id,
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    })
    expect(drafts).toEqual(allDrafts.map((draft) => draft.id))
    expect(drafts.length).toBeGreaterThan(2)
  })
})

describe('drafts', () => {
  it('are the person’s own: another orderer of the organisation neither lists, reads nor deletes them', async () => {
    const draftId = await draftWith()
    const colleague = callerFor(db, {
      ...actorFor(world.home, 'ORDERER', world),
      userId: homeMember(world, 'ADMIN').user.id,
    })
    expect((await colleague.orderDraft.list({})).items.map((draft) => draft.id)).not.toContain(draftId)
    expect((await failureOf(colleague.orderDraft.get({ draftId }))).appCode).toBe('DRAFT_NOT_FOUND')
    expect((await failureOf(colleague.orderDraft.delete({ draftId }))).appCode).toBe('DRAFT_NOT_FOUND')
    expect((await orderer().orderDraft.get({ draftId })).step).toBe('review')
  })
})
