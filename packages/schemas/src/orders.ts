import { z } from 'zod'
import { zDate } from './date.ts'
import { ZStepUpResponse } from './step-up.ts'
import { zText } from './text.ts'

/**
 * The order wizard's steps after choosing the offering, in order. An offering without attestation
 * questions skips "attestations"; "Steg N av M" counts the steps the offering has.
 */
export const WIZARD_STEPS = ['fields', 'attestations', 'invoice', 'attester', 'terms', 'review'] as const
export type WizardStep = (typeof WIZARD_STEPS)[number]

export const ZNewInvoiceAddress = z.object({
  addressLine: zText()
    .trim()
    .min(1, { message: 'Ange utdelningsadress.' })
    .max(200, { message: 'Utdelningsadressen får ha högst 200 tecken.' }),
  postalCode: zText()
    .trim()
    .regex(/^\d{3} ?\d{2}$/, { message: 'Ange postnumret med fem siffror, till exempel 123 45.' }),
  city: zText()
    .trim()
    .min(1, { message: 'Ange postort.' })
    .max(100, { message: 'Postorten får ha högst 100 tecken.' }),
  reference: zText()
    .trim()
    .min(1, { message: 'Ange fakturareferens.' })
    .max(100, { message: 'Fakturareferensen får ha högst 100 tecken.' }),
})
export type NewInvoiceAddress = z.infer<typeof ZNewInvoiceAddress>

/** "Registrera en ny fakturaadress och fakturareferens eller välj en befintlig adress och referens." */
export const ZInvoiceChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), invoiceAddressId: z.uuid() }),
  ZNewInvoiceAddress.extend({ kind: z.literal('new') }),
])
export type InvoiceChoice = z.infer<typeof ZInvoiceChoice>

/** A value of an offering form's field as a draft keeps it (checked by the offering's schema on submit). */
const ZDraftFieldValue = z.union([zText({ multiline: true }).max(2000), z.number().finite(), z.null()])

/** What a draft holds: the answers given so far. Each part is checked in full when the order is submitted. */
export const ZDraftAnswers = z.object({
  fields: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/), ZDraftFieldValue)
    .refine((fields) => Object.keys(fields).length <= 30, { message: 'Formuläret har för många fält.' })
    .optional(),
  /** The ids of the attestation questions ticked. */
  attestations: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/))
    .max(30)
    .optional(),
  invoice: ZInvoiceChoice.optional(),
  attesterUserId: z.uuid().optional(),
  /** The terms version the person accepted. */
  acceptedTermsVersion: z.number().int().min(1).optional(),
})
export type DraftAnswers = z.infer<typeof ZDraftAnswers>

export const ZStartDraftInput = z.object({ offeringId: z.uuid() })
export const ZDraftIdInput = z.object({ draftId: z.uuid() })
export const ZSaveDraftInput = z.object({
  draftId: z.uuid(),
  step: z.enum(WIZARD_STEPS),
  answers: ZDraftAnswers,
})
export const ZSubmitOrderInput = z.object({
  draftId: z.uuid(),
  /** Made by the page once per "Skicka beställningen": the same key twice is one order. */
  idempotencyKey: z.uuid(),
  /**
   * What the person checked on the review: the draft as saved then (`updatedAt`) and the prices shown. If
   * either changed since (another tab, provider staff), the order is refused rather than made on terms
   * the person did not see.
   */
  reviewed: z.object({
    draftUpdatedAt: zDate(),
    startupFeeOre: z.number().int().min(0).max(1_000_000_000),
    monthlyFeeOre: z.number().int().min(0).max(1_000_000_000),
  }),
})

export const ORDER_STATUSES = ['SUBMITTED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'WITHDRAWN'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ZOrderListInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  cursor: z.object({ submittedAt: zDate(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(25),
})
export const ZOrderIdInput = z.object({ orderId: z.uuid() })
export const ZOfferingIdInput = z.object({ offeringId: z.uuid() })

/** Prices in öre excluding VAT; at most 10 million kronor. */
const zOre = (what: string) =>
  z
    .number({ message: `Ange ${what} med siffror.` })
    .int({ message: `Ange ${what} i hela öre.` })
    .min(0, { message: `${what[0]?.toUpperCase()}${what.slice(1)} kan inte vara negativ.` })
    .max(1_000_000_000, { message: `Ange högst 10 000 000 kr som ${what}.` })

export const ZSetOfferingPriceInput = z.object({
  offeringId: z.uuid(),
  startupFeeOre: zOre('uppstartskostnaden'),
  monthlyFeeOre: zOre('månadsavgiften'),
})

export const ZPublishTermsInput = z.object({
  offeringId: z.uuid(),
  textSv: zText({ multiline: true })
    .trim()
    .min(1, { message: 'Skriv villkoren på svenska.' })
    .max(20_000, { message: 'Villkoren får ha högst 20 000 tecken.' }),
  textEn: zText({ multiline: true })
    .trim()
    .min(1, { message: 'Skriv villkoren på engelska.' })
    .max(20_000, { message: 'Villkoren får ha högst 20 000 tecken.' }),
})

/** Why an order is rejected, cancelled or withdrawn: shown to the ordering organisation and mailed. */
export const ZReason = zText({ multiline: true })
  .trim()
  .min(1, { message: 'Skriv en motivering.' })
  .max(2000, { message: 'Motiveringen får ha högst 2000 tecken.' })

/** An action on an order as the person saw it: a change since (another tab, another person) is refused. */
export const ZOrderVersionInput = z.object({
  orderId: z.uuid(),
  version: z.number().int().min(1).max(1_000_000),
})

export const ZOrderReasonInput = ZOrderVersionInput.extend({ reason: ZReason })

/** The agent goes on (seed 004 step 4): its questions ticked, its invoice address, its attestant. */
export const ZForwardOrderInput = ZOrderVersionInput.extend({
  attestations: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/)).max(30),
  invoice: ZInvoiceChoice,
  attesterUserId: z.uuid({ message: 'Välj vem som ska attestera.' }),
})

export const ZChangeAttesterInput = ZOrderVersionInput.extend({
  attesterUserId: z.uuid({ message: 'Välj vem som ska attestera.' }),
})

/** "Attestera": the hash of what the page shows, so the code is bound to exactly that. */
export const ZStartAttestationInput = z.object({
  orderId: z.uuid(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
})

export const ZAttestOrderInput = z.object({ orderId: z.uuid(), response: ZStepUpResponse })

/** The token of a mailed signing link, as the link carries it. */
export const ZSigningToken = zText().min(1).max(200)
export const ZSigningLinkInput = z.object({ token: ZSigningToken })

/** The provider's queue and the agent's list: oldest first, filtered. */
export const ZOrderQueueInput = z.object({
  offeringId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  /** Only the orders waiting for the caller's organisation (default), or every order of the list. */
  waiting: z.boolean().default(true),
  status: z.enum(ORDER_STATUSES).optional(),
  cursor: z.object({ stateSince: zDate(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(25),
})
