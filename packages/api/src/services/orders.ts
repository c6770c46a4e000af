import { type Db, nextNumber, type Prisma, type PrismaClient, type Role, stockholmYear } from '@kundnav/db'
import { type DraftAnswers, ZDraftAnswers, type ZSubmitOrderInput } from '@kundnav/schemas'
import { describeForm, pricedQuantity } from '@kundnav/schemas/catalogue'
import { TRPCError } from '@trpc/server'
import type { z } from 'zod'
import { CHAINS, firstState } from '../chains/engine.ts'
import { AppError } from '../errors.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { currentTerms, orderableOffering, sourceOptions } from './catalogue.ts'
import { enterChain } from './order-chain.ts'

type Tx = Prisma.TransactionClient | PrismaClient

/** Who acts: a member of the ordering organisation (in a sign-in, when submitting). */
export interface Orderer {
  organizationId: string
  userId: string
  role: Role
  sessionId?: string
}

type SubmitOrderInput = z.output<typeof ZSubmitOrderInput>

const DRAFT_NOT_FOUND = () => new AppError('NOT_FOUND', 'DRAFT_NOT_FOUND', 'Utkastet finns inte längre.')

/** A draft of `orderer`'s own, or DRAFT_NOT_FOUND (another person's or organisation's is as if none). */
export async function ownDraft(db: Tx, orderer: Orderer, draftId: string) {
  const draft = await db.orderDraft.findFirst({
    where: { id: draftId, organizationId: orderer.organizationId, createdByUserId: orderer.userId },
  })
  if (!draft) throw DRAFT_NOT_FOUND()
  return draft
}

/** A draft's answers as stored (a draft written by an older version reads as far as it still fits). */
export function draftAnswers(stored: Prisma.JsonValue): DraftAnswers {
  const parsed = ZDraftAnswers.safeParse(stored)
  return parsed.success ? parsed.data : {}
}

/**
 * The organisation's members who may attest: accepted members holding Attestant, the role not ended (seed
 * 001: "rollen Attestant behöver vara tilldelad innan det går att beställa"). A password is not needed: an
 * attestant acts through the mailed link.
 */
export async function attestersOf(db: Tx, organizationId: string, now = new Date()) {
  const memberships = await db.membership.findMany({
    where: {
      organizationId,
      acceptedAt: { not: null },
      roles: { has: 'ATTESTER' },
      roleEnds: { none: { role: 'ATTESTER', endsAt: { lte: now } } },
    },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { listName: 'asc' },
  })
  return memberships.map(({ user }) => ({ userId: user.id, name: user.name }))
}

/** How many of the organisation's orders of the offering are still in progress (each costs a start-up fee). */
export function ordersInProgress(db: Tx, organizationId: string, offeringId: string) {
  return db.order.count({ where: { organizationId, offeringId, status: 'SUBMITTED' } })
}

/**
 * Submits `orderer`'s draft as an order, in one transaction: every answer is checked again in full (the
 * offering's own schema, the agent among those assigned, every attestation question ticked, the invoice
 * address the organisation's, the attestant one of its attestants, the newest terms accepted), a new invoice
 * address is kept for next time, the order gets its number and the draft is gone. The same idempotency key
 * again (a double click, a retried request) answers the order it made.
 */
export async function submitOrder(
  db: Db,
  settings: AuthSettings,
  orderer: Orderer,
  input: SubmitOrderInput,
): Promise<{ orderId: string; number: string }> {
  /** The order this key already made: the same person's, from the same draft; any other use is refused. */
  const existing = async () => {
    const order = await db.prisma.order.findUnique({
      where: {
        organizationId_idempotencyKey: {
          organizationId: orderer.organizationId,
          idempotencyKey: input.idempotencyKey,
        },
      },
      select: { id: true, number: true, draftId: true, submittedByUserId: true },
    })
    if (!order) return null
    if (order.draftId !== input.draftId || order.submittedByUserId !== orderer.userId) {
      throw new AppError(
        'CONFLICT',
        'IDEMPOTENCY_KEY_REUSED',
        'Beställningen kunde inte skickas. Ladda om sidan och försök igen.',
      )
    }
    return order
  }
  const done = await existing()
  if (done) return { orderId: done.id, number: done.number }

  const result = await db.prisma.$transaction(async (tx) => {
    // The draft's row is the lock: a second submit of it waits here, then finds it gone.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "OrderDraft"
       WHERE id = ${input.draftId}::uuid AND "organizationId" = ${orderer.organizationId}::uuid
         AND "createdByUserId" = ${orderer.userId}::uuid
       FOR UPDATE`
    if (locked.length === 0) return null
    const draft = await ownDraft(tx, orderer, input.draftId)
    const offering = await orderableOffering(tx, orderer.organizationId, draft.offeringId)
    const answers = draftAnswers(draft.answers)
    const { reviewed } = input
    if (reviewed.draftUpdatedAt.getTime() !== draft.updatedAt.getTime()) {
      throw new AppError(
        'CONFLICT',
        'DRAFT_CHANGED',
        'Beställningen har ändrats sedan du kontrollerade den, kanske i en annan flik. Kontrollera uppgifterna igen.',
      )
    }
    if (
      reviewed.startupFeeOre !== offering.startupFeeOre ||
      reviewed.monthlyFeeOre !== offering.monthlyFeeOre
    ) {
      throw new AppError(
        'CONFLICT',
        'PRICE_CHANGED',
        'Priset har ändrats sedan du kontrollerade beställningen. Kontrollera det nya priset och skicka igen.',
      )
    }

    const parsedFields = offering.entry.fields.safeParse(answers.fields ?? {})
    if (!parsedFields.success) {
      // The schema's own error: the answer carries a message per field (trpc.ts's errorFormatter).
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'Uppgifterna om beställningen behöver rättas.',
        cause: parsedFields.error,
      })
    }
    const fields = parsedFields.data as Record<string, unknown>
    for (const field of describeForm(offering.entry.fields)) {
      if (field.kind !== 'source' || fields[field.name] === undefined) continue
      const options = await sourceOptions(tx, offering, field.name, orderer.organizationId)
      if (!options.some((option) => option.value === fields[field.name])) {
        throw new AppError(
          'BAD_REQUEST',
          'OPTION_NOT_OFFERED',
          `Välj ${field.label.sv.toLowerCase()} i listan.`,
          {
            field: field.name,
          },
        )
      }
    }

    const ticked = new Set(answers.attestations ?? [])
    const questions = offering.entry.attestationQuestions
    if (questions.some((question) => !ticked.has(question.id))) {
      throw new AppError(
        'BAD_REQUEST',
        'ATTESTATIONS_MISSING',
        'Bocka i alla intygandefrågor för att kunna skicka beställningen.',
        { field: 'attestations' },
      )
    }

    const invoice = answers.invoice
    if (!invoice) {
      throw new AppError('BAD_REQUEST', 'INVOICE_MISSING', 'Välj eller registrera en fakturaadress.', {
        field: 'invoice',
      })
    }
    const invoiceAddress =
      invoice.kind === 'existing'
        ? await tx.invoiceAddress.findFirst({
            where: { id: invoice.invoiceAddressId, organizationId: orderer.organizationId },
          })
        : await tx.invoiceAddress.create({
            data: {
              organizationId: orderer.organizationId,
              addressLine: invoice.addressLine,
              postalCode: invoice.postalCode,
              city: invoice.city,
              reference: invoice.reference,
              createdByUserId: orderer.userId,
            },
          })
    if (!invoiceAddress) {
      throw new AppError(
        'BAD_REQUEST',
        'INVOICE_NOT_FOUND',
        'Fakturaadressen finns inte längre. Välj en annan.',
        {
          field: 'invoice',
        },
      )
    }

    const attester = (await attestersOf(tx, orderer.organizationId)).find(
      (candidate) => candidate.userId === answers.attesterUserId,
    )
    if (!attester) {
      throw new AppError('BAD_REQUEST', 'ATTESTER_MISSING', 'Välj vem som ska attestera beställningen.', {
        field: 'attesterUserId',
      })
    }
    if (offering.entry.attesterMustDiffer && attester.userId === orderer.userId) {
      throw new AppError(
        'BAD_REQUEST',
        'ATTESTER_IS_ORDERER',
        'Den här tjänsten kräver att någon annan än du attesterar beställningen. Välj en annan attestant.',
        { field: 'attesterUserId' },
      )
    }

    const terms = await currentTerms(tx, offering.id)
    if (answers.acceptedTermsVersion !== terms.version) {
      throw new AppError(
        'BAD_REQUEST',
        'TERMS_NOT_ACCEPTED',
        answers.acceptedTermsVersion
          ? 'Villkoren har ändrats sedan du godkände dem. Läs och godkänn de nya villkoren.'
          : 'Läs och godkänn villkoren för att kunna skicka beställningen.',
        { field: 'terms' },
      )
    }

    const submittedAt = new Date()
    const number = await nextNumber(tx, 'B', stockholmYear(submittedAt))
    const chain = CHAINS[offering.chain]
    const order = await tx.order.create({
      data: {
        number,
        organizationId: orderer.organizationId,
        offeringId: offering.id,
        termsId: terms.id,
        chain: chain as unknown as Prisma.InputJsonObject,
        state: firstState(chain),
        stateSince: submittedAt,
        agentOrganizationId: offering.viaAgent && typeof fields.agent === 'string' ? fields.agent : null,
        submittedByUserId: orderer.userId,
        submittedSessionId: orderer.sessionId ?? null,
        attesterUserId: attester.userId,
        fields: fields as Prisma.InputJsonObject,
        attestations: questions.map((question) => ({
          id: question.id,
          text: { sv: question.text.sv, en: question.text.en },
        })),
        invoiceAddressId: invoiceAddress.id,
        invoiceAddress: {
          addressLine: invoiceAddress.addressLine,
          postalCode: invoiceAddress.postalCode,
          city: invoiceAddress.city,
          reference: invoiceAddress.reference,
        },
        quantity: pricedQuantity(offering.entry.fields, fields),
        startupFeeOre: offering.startupFeeOre,
        monthlyFeeOre: offering.monthlyFeeOre,
        idempotencyKey: input.idempotencyKey,
        draftId: draft.id,
        submittedAt,
      },
    })
    await tx.orderDraft.delete({ where: { id: draft.id } })
    const [person, organization] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: orderer.userId }, select: { name: true } }),
      tx.organization.findUniqueOrThrow({ where: { id: orderer.organizationId }, select: { name: true } }),
    ])
    await enterChain(tx, settings, order, {
      userId: orderer.userId,
      name: person.name,
      organizationId: orderer.organizationId,
      organizationName: organization.name,
      role: orderer.role,
      sessionId: orderer.sessionId ?? null,
    })
    await recordAudit(tx, {
      organizationId: orderer.organizationId,
      actorUserId: orderer.userId,
      actorRole: orderer.role,
      action: 'order.submitted',
      targetType: 'Order',
      targetId: order.id,
      data: { number, offering: offering.code, termsVersion: terms.version },
    })
    return { orderId: order.id, number }
  })
  if (result) return result
  // The draft was gone: a parallel submit with the same key may have just made the order.
  const made = await existing()
  if (made) return { orderId: made.id, number: made.number }
  throw DRAFT_NOT_FOUND()
}

/** The organisation's invoice addresses, newest first (the 100 newest: more is no list to choose from). */
export function invoiceAddressesOf(db: Tx, organizationId: string) {
  return db.invoiceAddress.findMany({
    where: { organizationId },
    select: { id: true, addressLine: true, postalCode: true, city: true, reference: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
  })
}

/**
 * "Beställ igen": a draft of the orderer's with an ended order's answers — the form, the invoice address
 * (if still there) and the attestant — at the review, where everything is checked again when sent. Only
 * an order of the orderer's own organisation that did not complete.
 */
export async function orderAgain(db: Db, orderer: Orderer, orderId: string): Promise<{ draftId: string }> {
  const order = await db.prisma.order.findFirst({
    where: { id: orderId, organizationId: orderer.organizationId },
  })
  if (!order) throw new AppError('NOT_FOUND', 'ORDER_NOT_FOUND', 'Beställningen finns inte.')
  if (order.status === 'SUBMITTED' || order.status === 'COMPLETED') {
    throw new AppError(
      'CONFLICT',
      'ORDER_NOT_ENDED',
      'Bara en avslagen, avbruten eller återkallad beställning kan beställas igen.',
    )
  }
  const address = order.invoiceAddressId
    ? await db.prisma.invoiceAddress.findFirst({
        where: { id: order.invoiceAddressId, organizationId: orderer.organizationId },
      })
    : null
  const fields = Object.fromEntries(
    Object.entries((order.fields ?? {}) as Record<string, unknown>).filter(
      ([, value]) => typeof value === 'string' || typeof value === 'number' || value === null,
    ),
  ) as Record<string, string | number | null>
  const draft = await db.prisma.orderDraft.create({
    data: {
      organizationId: orderer.organizationId,
      createdByUserId: orderer.userId,
      offeringId: order.offeringId,
      step: 'fields',
      answers: {
        fields,
        ...(address ? { invoice: { kind: 'existing', invoiceAddressId: address.id } } : {}),
        attesterUserId: order.attesterUserId,
      },
    },
  })
  return { draftId: draft.id }
}
