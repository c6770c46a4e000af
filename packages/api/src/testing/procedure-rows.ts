/**
 * One row per procedure of the app router: its rung, an input aimed at `world.home`'s records, and its
 * positive control — what the right caller gets. The tenant matrix proves the refusals and the positive
 * controls from these rows; the input fuzz test starts from their inputs.
 */
import { randomUUID } from 'node:crypto'
import { addMembership, createUser, type Db, type Role } from '@kundnav/db'
import type { Permission } from '@kundnav/schemas'
import { createPasswordLink } from '../services/passwords.ts'
import { startStepUp } from '../services/step-up.ts'
import { completeWebcertAnswers, inviteHomeOrderer, TEST_AUTH_SETTINGS, type World } from './world.ts'

export type Rung =
  | { rung: 'public' }
  | { rung: 'demo' }
  | { rung: 'authed' }
  | { rung: 'member'; permission: Permission }
  | { rung: 'provider'; permission: Permission }

export interface PositiveControl {
  /** The role that calls (in the provider for provider rungs, at home otherwise); public rungs call anonymously. */
  as?: Role
  /** An input for the allowed call, when it must differ (a record the call may use up). */
  input?: (world: World, db: Db) => Promise<unknown>
  /** The answer is this AppError code instead of success: the call got past the ladder to the service. */
  outcome?: string
  /** Text the answer must contain: the caller's own organisation's data. */
  shows?: (world: World) => string[]
  /** What the call must have changed, in the caller's own organisation, for a call that writes. */
  changed?: (world: World, db: Db, input: unknown) => Promise<boolean>
}

export type ProcedureRow = Rung & {
  /** An input aimed at `world.home`'s records, or any valid input when the procedure takes no ids. */
  input: (world: World) => unknown
  /**
   * What a caller from another organisation meets: `refused` (FORBIDDEN or NOT_FOUND: the input names
   * records not theirs) or `scoped` (the call acts on the caller's own organisation or own things, and
   * its answer holds nothing of `world.home`'s).
   */
  otherOrganization: 'refused' | 'scoped'
  allowed: PositiveControl
  /** A valid input with every optional text field filled, for the input fuzz test (default: `input`). */
  fullInput?: (world: World) => unknown
  /** Text fields that take line breaks (paths joined by "."; `*` for any key): the fuzz test allows "\n" there. */
  multiline?: string[]
}

/** The code in the newest SMS to a number. */
async function smsCodeTo(db: Db, mobile: string): Promise<string> {
  const sms = await db.prisma.outboxMessage.findFirstOrThrow({
    where: { channel: 'SMS', recipient: mobile },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  return sms.text.match(/\b(\d{6})\b/)?.[1] ?? ''
}

/** Whether `world.home`'s orderer now holds `role`, as saved. */
async function homeOrdererHolds(world: World, db: Db, role: Role) {
  const { membership } = homeMember(world, 'ORDERER')
  const saved = await db.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })
  return saved.roles.includes(role)
}

/** The new person's membership, if any, in `world.home`. */
async function homeMembershipOf(world: World, db: Db, input: unknown) {
  const { email } = input as { email: string }
  return db.prisma.membership.findFirst({
    where: { organizationId: world.home.organization.id, user: { email } },
  })
}

const membershipIdOf = (input: unknown) => (input as { membershipId: string }).membershipId
const draftIdOf = (input: unknown) => (input as { draftId: string }).draftId
const offeringIdOf = (input: unknown) => (input as { offeringId: string }).offeringId

/** Every step answered, as `home`'s orderer saves them. */
const completeHomeAnswers = (w: World) => completeWebcertAnswers(w, homeMember(w, 'ATTESTER').user.id)

/** A new draft of `home`'s orderer with every step answered, for calls that use one up. */
async function homeDraft(w: World, db: Db) {
  return db.prisma.orderDraft.create({
    data: {
      organizationId: w.home.organization.id,
      createdByUserId: homeMember(w, 'ORDERER').user.id,
      offeringId: w.webcertOfferingId,
      step: 'review',
      answers: completeHomeAnswers(w),
    },
  })
}

export const homeMember = (world: World, role: Role) => {
  const member = world.home.members.find((m) => m.membership.roles.includes(role))
  if (!member) throw new Error(`no ${role} at home`)
  return member
}

const newPerson = () => {
  const suffix = Math.random().toString(36).slice(2, 10)
  return { name: 'Ny Person', email: `ny-${suffix}@test.example`, username: `ny-${suffix}@test.example` }
}

/** A new member of `world.home` with `roles`, for calls that use a membership up. */
async function freshHomeMembership(world: World, db: Db, roles: Role[]) {
  const user = await createUser(db.prisma, newPerson())
  return addMembership(db.prisma, { userId: user.id, organizationId: world.home.organization.id, roles })
}

/** A set-password link of a home member, as the mail carries it. */
async function homeLinkToken(world: World, db: Db) {
  const link = await createPasswordLink(
    db.prisma,
    TEST_AUTH_SETTINGS,
    homeMember(world, 'CONTACT').user.id,
    'reset',
  )
  return new URL(link).searchParams.get('token') ?? ''
}

export const PROCEDURE_ROWS: Record<string, ProcedureRow> = {
  'portal.info': { rung: 'public', input: () => undefined, otherOrganization: 'scoped', allowed: {} },
  'devMailbox.list': {
    rung: 'demo',
    input: () => ({}),
    fullInput: (w) => ({ recipient: w.mailboxRecipient }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.mailboxRecipient] },
  },
  'auth.requestPasswordReset': {
    rung: 'public',
    input: (w) => ({ username: homeMember(w, 'ORDERER').user.username }),
    otherOrganization: 'scoped',
    allowed: { shows: () => ['Om det finns ett konto'] },
  },
  'auth.checkPasswordLink': {
    rung: 'public',
    input: () => ({ token: 'x'.repeat(43) }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ token: await homeLinkToken(w, db) }),
      shows: (w) => [homeMember(w, 'CONTACT').user.username],
    },
  },
  'auth.setPassword': {
    rung: 'public',
    input: () => ({ token: 'x'.repeat(43), password: 'ett långt nytt lösenord' }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ token: await homeLinkToken(w, db), password: 'ett långt nytt lösenord' }),
      shows: (w) => [homeMember(w, 'CONTACT').user.username],
    },
  },
  'session.get': {
    rung: 'public',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { as: 'ADMIN', shows: (w) => [w.home.organization.id, homeMember(w, 'ADMIN').user.email] },
  },
  'session.choose': {
    rung: 'authed',
    input: (w) => ({ organizationId: w.home.organization.id, role: 'ADMIN' }),
    otherOrganization: 'refused',
    allowed: { as: 'ADMIN', shows: (w) => [w.home.organization.id] },
  },
  'session.keepAlive': { rung: 'authed', input: () => undefined, otherOrganization: 'scoped', allowed: {} },
  'session.list': {
    rung: 'authed',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { as: 'ADMIN', shows: (w) => [w.sessions.get(homeMember(w, 'ADMIN').user.id) ?? 'no session'] },
  },
  'session.end': {
    rung: 'authed',
    input: (w) => ({ sessionId: w.sessions.get(homeMember(w, 'ADMIN').user.id) }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ADMIN',
      input: async (w, db) => {
        const another = await db.prisma.session.create({
          data: {
            sessionToken: randomUUID(),
            userId: homeMember(w, 'ADMIN').user.id,
            expires: new Date(Date.now() + 3_600_000),
          },
        })
        return { sessionId: another.id }
      },
    },
  },
  'me.get': {
    rung: 'authed',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { as: 'ORDERER', shows: (w) => [homeMember(w, 'ORDERER').user.email] },
  },
  'me.update': {
    rung: 'authed',
    input: () => ({ name: 'Nytt Namn', language: 'sv' }),
    otherOrganization: 'scoped',
    allowed: { as: 'ORDERER', shows: (w) => [homeMember(w, 'ORDERER').user.email, 'Nytt Namn'] },
  },
  'me.setLanguage': {
    rung: 'authed',
    input: () => ({ language: 'sv' }),
    otherOrganization: 'scoped',
    allowed: {
      as: 'ATTESTER',
      input: async () => ({ language: 'en' }),
      changed: async (w, db) =>
        (await db.prisma.user.findUniqueOrThrow({ where: { id: homeMember(w, 'ATTESTER').user.id } }))
          .language === 'en',
    },
  },
  'me.changePassword': {
    rung: 'authed',
    input: () => ({ currentPassword: 'fel lösenord', newPassword: 'ett långt nytt lösenord' }),
    fullInput: (w) => ({
      currentPassword: 'fel lösenord',
      newPassword: 'ett långt nytt lösenord',
      stepUp: { challengeId: w.homeStepUpChallengeId, code: '123456' },
    }),
    otherOrganization: 'scoped',
    // World members have no password yet: the service, not the ladder, answers.
    allowed: { as: 'ORDERER', outcome: 'WRONG_PASSWORD' },
  },
  'me.startMobileVerification': {
    rung: 'authed',
    input: () => ({ mobile: '070-123 45 67' }),
    otherOrganization: 'scoped',
    allowed: {
      as: 'CONTACT',
      shows: () => ['070-*** ** 67'],
      changed: async (w, db) =>
        (await db.prisma.stepUpChallenge.count({
          where: {
            userId: homeMember(w, 'CONTACT').user.id,
            purpose: 'mobile.verify',
            recipient: '+46701234567',
          },
        })) === 1,
    },
  },
  'me.confirmMobile': {
    rung: 'authed',
    // Another person's challenge: home's orderer's open password change.
    input: (w) => ({
      mobile: '070-123 45 67',
      response: { challengeId: w.homeStepUpChallengeId, code: '123456' },
    }),
    otherOrganization: 'refused',
    allowed: {
      as: 'SIGNATORY',
      input: async (w, db) => {
        const { user } = homeMember(w, 'SIGNATORY')
        const sent = await startStepUp(db, TEST_AUTH_SETTINGS, {
          userId: user.id,
          purpose: 'mobile.verify',
          subjectId: user.id,
          content: { action: 'mobile.verify', mobile: '+46701230000' },
          description: { purpose: 'mobile.verify' },
          recipient: '+46701230000',
        })
        return {
          mobile: '+46701230000',
          response: { challengeId: sent.challengeId, code: await smsCodeTo(db, '+46701230000') },
        }
      },
      shows: () => ['+46701230000'],
      changed: async (w, db) =>
        (await db.prisma.user.findUniqueOrThrow({ where: { id: homeMember(w, 'SIGNATORY').user.id } }))
          .mobile === '+46701230000',
    },
  },
  'me.removeMobile': {
    rung: 'authed',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: {
      as: 'AGENT_OFFICER',
      input: async (w, db) => {
        await db.prisma.user.update({
          where: { id: homeMember(w, 'AGENT_OFFICER').user.id },
          data: { mobile: '+46701239999', mobileVerifiedAt: new Date() },
        })
        return undefined
      },
      changed: async (w, db) =>
        (await db.prisma.user.findUniqueOrThrow({ where: { id: homeMember(w, 'AGENT_OFFICER').user.id } }))
          .mobile === null,
    },
  },
  'stepUp.resend': {
    rung: 'authed',
    input: (w) => ({ challengeId: w.homeStepUpChallengeId }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ORDERER',
      input: async (w, db) => {
        await db.prisma.stepUpChallenge.update({
          where: { id: w.homeStepUpChallengeId },
          data: { lastSentAt: new Date(Date.now() - 60_000) },
        })
        return { challengeId: w.homeStepUpChallengeId }
      },
      shows: (w) => [w.homeStepUpChallengeId],
      changed: async (w, db) =>
        (await db.prisma.stepUpChallenge.findUniqueOrThrow({ where: { id: w.homeStepUpChallengeId } }))
          .sendCount === 2,
    },
  },
  'member.list': {
    rung: 'member',
    permission: 'member.read',
    input: () => ({}),
    fullInput: () => ({ search: 'Person', cursor: { name: 'Person A', id: randomUUID() } }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [homeMember(w, 'CONTACT').membership.id, homeMember(w, 'CONTACT').user.email] },
  },
  'member.add': {
    rung: 'member',
    permission: 'member.manage',
    input: () => ({ ...newPerson(), roles: ['ORDERER'] }),
    otherOrganization: 'scoped',
    allowed: {
      changed: async (w, db, input) =>
        (await homeMembershipOf(w, db, input))?.roles.includes('ORDERER') === true,
    },
  },
  'member.setRoles': {
    rung: 'member',
    permission: 'member.manage',
    input: (w) => ({ membershipId: homeMember(w, 'ORDERER').membership.id, roles: ['ORDERER'] }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w) => ({
        membershipId: homeMember(w, 'ORDERER').membership.id,
        roles: ['ORDERER', 'CONTACT'],
      }),
      changed: (w, db) => homeOrdererHolds(w, db, 'CONTACT'),
    },
  },
  'member.remove': {
    rung: 'member',
    permission: 'member.manage',
    input: (w) => ({ membershipId: homeMember(w, 'CONTACT').membership.id }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ membershipId: (await freshHomeMembership(w, db, ['ORDERER'])).id }),
    },
  },
  'member.resendInvitation': {
    rung: 'member',
    permission: 'member.manage',
    input: (w) => ({ membershipId: homeMember(w, 'SIGNATORY').membership.id }),
    otherOrganization: 'refused',
    allowed: {},
  },
  'invitation.list': {
    rung: 'authed',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { as: 'ORDERER', shows: (w) => [w.homeInvitationId, 'Inbjudande AB'] },
  },
  'invitation.accept': {
    rung: 'authed',
    input: (w) => ({ membershipId: w.homeInvitationId }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ORDERER',
      input: async (w, db) => ({ membershipId: (await inviteHomeOrderer(db, w)).id }),
      changed: async (_w, db, input) =>
        (await db.prisma.membership.findUniqueOrThrow({ where: { id: membershipIdOf(input) } }))
          .acceptedAt !== null,
    },
  },
  'invitation.decline': {
    rung: 'authed',
    input: (w) => ({ membershipId: w.homeInvitationId }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ORDERER',
      input: async (w, db) => ({ membershipId: (await inviteHomeOrderer(db, w)).id }),
      changed: async (_w, db, input) =>
        (await db.prisma.membership.count({ where: { id: membershipIdOf(input) } })) === 0,
    },
  },
  'audit.list': {
    rung: 'member',
    permission: 'audit.read',
    input: () => ({}),
    fullInput: (w) => ({ action: 'world', actorUserId: homeMember(w, 'ADMIN').user.id }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => w.homeAuditEventIds },
  },
  'caseOfficer.list': {
    rung: 'member',
    permission: 'caseOfficer.manage',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [homeMember(w, 'CASE_OFFICER').membership.id] },
  },
  'caseOfficer.add': {
    rung: 'member',
    permission: 'caseOfficer.manage',
    input: () => ({ kind: 'internal', ...newPerson() }),
    fullInput: () => ({ kind: 'external', organizationName: 'Konsult AB', ...newPerson() }),
    otherOrganization: 'scoped',
    allowed: {
      changed: async (w, db, input) =>
        (await homeMembershipOf(w, db, input))?.roles.includes('CASE_OFFICER') === true,
    },
  },
  'caseOfficer.remove': {
    rung: 'member',
    permission: 'caseOfficer.manage',
    input: (w) => ({ membershipId: homeMember(w, 'CASE_OFFICER').membership.id }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ membershipId: (await freshHomeMembership(w, db, ['CASE_OFFICER'])).id }),
    },
  },
  'support.organizations': {
    rung: 'provider',
    permission: 'provider.support',
    input: () => ({ search: '' }),
    otherOrganization: 'refused',
    allowed: { shows: (w) => [w.home.organization.id, w.other.organization.id] },
  },
  'support.members': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({ organizationId: w.home.organization.id }),
    otherOrganization: 'refused',
    allowed: { shows: (w) => [homeMember(w, 'ADMIN').user.email] },
  },
  'support.setResponsible': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({
      organizationId: w.home.organization.id,
      membershipId: homeMember(w, 'ORDERER').membership.id,
      responsible: true,
    }),
    otherOrganization: 'refused',
    allowed: {
      changed: (w, db) => homeOrdererHolds(w, db, 'RESPONSIBLE'),
    },
  },
  'catalogue.list': {
    rung: 'member',
    permission: 'order.create',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.webcertOfferingId, 'Webcert Integrerad – via agent'] },
  },
  'catalogue.offering': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ offeringId: w.webcertOfferingId }),
    otherOrganization: 'scoped',
    // Home has one order of it in progress: the warning's count is home's own.
    allowed: { shows: (w) => [w.webcertOfferingId, '"ordersInProgress":1'] },
  },
  'catalogue.options': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ offeringId: w.webcertOfferingId, field: 'agent' }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.agentOrganizationId] },
  },
  'catalogue.manageList': {
    rung: 'provider',
    permission: 'catalogue.manage',
    input: () => undefined,
    otherOrganization: 'refused',
    allowed: { shows: (w) => [w.webcertOfferingId] },
  },
  'catalogue.setPrice': {
    rung: 'provider',
    permission: 'catalogue.manage',
    input: (w) => ({ offeringId: w.webcertOfferingId, startupFeeOre: 1_500_000, monthlyFeeOre: 25_000 }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w) => ({
        offeringId: w.webcertOfferingId,
        startupFeeOre: 1_500_000,
        monthlyFeeOre: 25_000,
      }),
      changed: async (w, db) =>
        (await db.prisma.auditEvent.count({
          where: { organizationId: w.provider.organization.id, action: 'catalogue.priceChanged' },
        })) > 0,
    },
  },
  'catalogue.publishTerms': {
    rung: 'provider',
    permission: 'catalogue.manage',
    input: (w) => ({ offeringId: w.webcertOfferingId, textSv: 'Nya villkor.', textEn: 'New terms.' }),
    multiline: ['textSv', 'textEn'],
    otherOrganization: 'refused',
    allowed: {
      // A new version of another offering's terms, so home's draft (which accepted Webcert's v1) stays valid.
      input: async (_w, db) => ({
        offeringId: (await db.prisma.offering.findUniqueOrThrow({ where: { code: 'webcert-fristaende' } }))
          .id,
        textSv: 'Nya villkor.',
        textEn: 'New terms.',
      }),
      changed: async (_w, db, input) =>
        (await db.prisma.offeringTerms.count({ where: { offeringId: offeringIdOf(input) } })) === 2,
    },
  },
  'orderDraft.list': {
    rung: 'member',
    permission: 'order.create',
    input: () => ({}),
    fullInput: () => ({ cursor: { updatedAt: new Date(), id: randomUUID() }, limit: 10 }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.homeDraftId] },
  },
  'orderDraft.start': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ offeringId: w.webcertOfferingId }),
    otherOrganization: 'scoped',
    allowed: {
      changed: async (w, db) =>
        (await db.prisma.orderDraft.count({ where: { organizationId: w.home.organization.id } })) > 1,
    },
  },
  'orderDraft.get': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ draftId: w.homeDraftId }),
    otherOrganization: 'refused',
    allowed: { shows: (w) => [w.homeDraftId, w.homeInvoiceAddressId] },
  },
  'orderDraft.save': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ draftId: w.homeDraftId, step: 'review', answers: completeHomeAnswers(w) }),
    // A draft keeps a form's answers as typed; a field may be a multi-line message (checked on submit).
    multiline: ['answers.fields.*'],
    fullInput: (w) => ({
      draftId: w.homeDraftId,
      step: 'invoice',
      answers: {
        ...completeHomeAnswers(w),
        fields: {
          careUnits: 12,
          sourceSystem: 'cambio-cosmic',
          agent: w.agentOrganizationId,
          note: 'En rad',
        },
        invoice: {
          kind: 'new',
          addressLine: 'Ny gata 2',
          postalCode: '111 22',
          city: 'Nystad',
          reference: 'Ref',
        },
      },
    }),
    otherOrganization: 'refused',
    allowed: {
      changed: async (w, db) =>
        (await db.prisma.orderDraft.findUniqueOrThrow({ where: { id: w.homeDraftId } })).step === 'review',
    },
  },
  'orderDraft.delete': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ draftId: w.homeDraftId }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ draftId: (await homeDraft(w, db)).id }),
      changed: async (_w, db, input) =>
        (await db.prisma.orderDraft.count({ where: { id: draftIdOf(input) } })) === 0,
    },
  },
  'order.attesters': {
    rung: 'member',
    permission: 'order.create',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [homeMember(w, 'ATTESTER').user.id] },
  },
  'order.invoiceAddresses': {
    rung: 'member',
    permission: 'order.create',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.homeInvoiceAddressId, 'Hemmareferens 4711'] },
  },
  'order.submit': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({
      draftId: w.homeDraftId,
      idempotencyKey: randomUUID(),
      reviewed: { draftUpdatedAt: new Date(), startupFeeOre: 0, monthlyFeeOre: 0 },
    }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const draft = await homeDraft(w, db)
        const offering = await db.prisma.offering.findUniqueOrThrow({ where: { id: draft.offeringId } })
        return {
          draftId: draft.id,
          idempotencyKey: randomUUID(),
          reviewed: {
            draftUpdatedAt: draft.updatedAt,
            startupFeeOre: offering.startupFeeOre,
            monthlyFeeOre: offering.monthlyFeeOre,
          },
        }
      },
      changed: async (w, db, input) =>
        (await db.prisma.order.count({
          where: {
            organizationId: w.home.organization.id,
            idempotencyKey: (input as { idempotencyKey: string }).idempotencyKey,
          },
        })) === 1,
    },
  },
  'order.list': {
    rung: 'member',
    permission: 'order.read',
    input: () => ({}),
    fullInput: () => ({ status: 'SUBMITTED', cursor: { submittedAt: new Date(), id: randomUUID() } }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.homeOrderId, w.homeOrderNumber] },
  },
  'order.get': {
    rung: 'member',
    permission: 'order.read',
    input: (w) => ({ orderId: w.homeOrderId }),
    otherOrganization: 'refused',
    allowed: { shows: (w) => [w.homeOrderNumber, 'Hemmareferens 4711'] },
  },
}
