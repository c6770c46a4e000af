/**
 * One row per procedure of the app router: its rung, an input aimed at `world.home`'s records, and its
 * positive control — what the right caller gets. The tenant matrix proves the refusals and the positive
 * controls from these rows; the input fuzz test starts from their inputs.
 */
import { randomUUID } from 'node:crypto'
import { addMembership, createUser, type Db, hashPassword, type Role } from '@kundnav/db'
import type { Permission } from '@kundnav/schemas'
import { startMobileVerification } from '../services/mobile.ts'
import { startAttestation } from '../services/order-actions.ts'
import { chainActorOf, signedContentHash } from '../services/order-chain.ts'
import { createPasswordLink } from '../services/passwords.ts'
import { startStepUp } from '../services/step-up.ts'
import { hashToken, randomToken } from '../services/tokens.ts'
import { CASE_FILE_ROWS } from './case-file-rows.ts'
import { CASE_LIVE_ROWS } from './case-live-rows.ts'
import { CASE_ROWS } from './case-rows.ts'
import {
  actorFor,
  completeWebcertAnswers,
  homeOrderAt,
  inviteHomeOrderer,
  TEST_AUTH_SETTINGS,
  type World,
} from './world.ts'

export type Rung =
  | { rung: 'public' }
  | { rung: 'demo' }
  | { rung: 'authed' }
  | { rung: 'member'; permission: Permission }
  | { rung: 'provider'; permission: Permission }
  /** Any party to a shared record (ordering organisation, agent, provider); `orderScope` decides which. */
  | { rung: 'party'; permission: Permission }
  /** An agent's member acting on records naming the agent (its positive control calls from `world.agent`). */
  | { rung: 'agent'; permission: Permission }

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
  ...CASE_ROWS,
  ...CASE_FILE_ROWS,
  ...CASE_LIVE_ROWS,
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
    input: () => ({ currentPassword: 'ett långt lösenord' }),
    otherOrganization: 'scoped',
    allowed: {
      as: 'AGENT_OFFICER',
      input: async (w, db) => {
        await db.prisma.user.update({
          where: { id: homeMember(w, 'AGENT_OFFICER').user.id },
          data: {
            mobile: '+46701239999',
            mobileVerifiedAt: new Date(),
            passwordHash: await hashPassword('ett långt lösenord'),
          },
        })
        return { currentPassword: 'ett långt lösenord' }
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
  'support.setAgent': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({ organizationId: w.other.organization.id, isAgent: true }),
    otherOrganization: 'scoped',
    allowed: {
      input: async (w) => ({ organizationId: w.other.organization.id, isAgent: true }),
      changed: async (w, db) =>
        (await db.prisma.organization.findUniqueOrThrow({ where: { id: w.other.organization.id } })).isAgent,
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
    // Home has orders of it in progress (the warning counts home's own; order.test.ts checks the number).
    allowed: { shows: (w) => [w.webcertOfferingId, '"ordersInProgress":'] },
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
    rung: 'party',
    permission: 'order.read',
    input: (w) => ({ orderId: w.homeOrderId }),
    otherOrganization: 'refused',
    allowed: { shows: (w) => [w.homeOrderNumber, 'Hemmareferens 4711', 'AGENT_REVIEW'] },
  },
  'order.startAttestation': {
    rung: 'member',
    permission: 'order.attest',
    input: (w) => ({ orderId: w.homeOrderId, contentHash: '0'.repeat(64) }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ATTESTER',
      input: async (w, db) => {
        const order = await attestableHomeOrder(w, db)
        return { orderId: order.id, contentHash: await signedContentHash(db.prisma, order, 'ORDERING') }
      },
      changed: async (w, db) =>
        (await db.prisma.stepUpChallenge.count({
          where: { userId: homeMember(w, 'ATTESTER').user.id, purpose: 'order.attest', status: 'PENDING' },
        })) > 0,
    },
  },
  'order.attest': {
    rung: 'member',
    permission: 'order.attest',
    input: (w) => ({
      orderId: w.homeOrderId,
      response: { challengeId: w.homeStepUpChallengeId, code: '123456' },
    }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ATTESTER',
      input: async (w, db) => {
        const order = await attestableHomeOrder(w, db)
        const actor = await chainActorOf(db.prisma, actorFor(w.home, 'ATTESTER', w))
        const contentHash = await signedContentHash(db.prisma, order, 'ORDERING')
        const sent = await startAttestation(db, TEST_AUTH_SETTINGS, actor, { orderId: order.id, contentHash })
        const code = await smsCodeTo(db, ATTESTER_MOBILE)
        return { orderId: order.id, response: { challengeId: sent.challengeId, code } }
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'PROVIDER_REVIEW',
    },
  },
  'order.cancel': {
    rung: 'member',
    permission: 'order.attest',
    input: (w) => ({ orderId: w.homeOrderId, version: 1, reason: 'Fel antal vårdenheter.' }),
    multiline: ['reason'],
    otherOrganization: 'refused',
    allowed: {
      as: 'ATTESTER',
      input: async (w, db) => {
        const order = await attestableHomeOrder(w, db)
        return { orderId: order.id, version: order.version, reason: 'Fel antal vårdenheter.' }
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'CANCELLED',
    },
  },
  'order.withdraw': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ orderId: w.homeOrderId, version: 1, reason: 'Beställd av misstag.' }),
    multiline: ['reason'],
    otherOrganization: 'refused',
    allowed: {
      as: 'ORDERER',
      input: async (w, db) => {
        const order = await homeOrderAt(db, w, 'AGENT_REVIEW')
        return { orderId: order.id, version: order.version, reason: 'Beställd av misstag.' }
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'WITHDRAWN',
    },
  },
  'order.changeAttester': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ orderId: w.homeOrderId, version: 1, attesterUserId: homeMember(w, 'ATTESTER').user.id }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ORDERER',
      input: async (w, db) => {
        // Waiting for someone who holds no Attestant role (any more).
        const order = await homeOrderAt(db, w, 'CUSTOMER_ATTESTATION', {
          attesterUserId: homeMember(w, 'CONTACT').user.id,
        })
        return {
          orderId: order.id,
          version: order.version,
          attesterUserId: homeMember(w, 'ATTESTER').user.id,
        }
      },
      changed: async (w, db, input) =>
        (await orderOf(db, input)).attesterUserId === homeMember(w, 'ATTESTER').user.id,
    },
  },
  'order.orderAgain': {
    rung: 'member',
    permission: 'order.create',
    input: (w) => ({ orderId: w.homeOrderId }),
    otherOrganization: 'refused',
    allowed: {
      as: 'ORDERER',
      input: async (w, db) => ({ orderId: (await homeOrderAt(db, w, 'REJECTED')).id }),
      changed: async (w, db) =>
        (await db.prisma.orderDraft.count({
          where: {
            organizationId: w.home.organization.id,
            createdByUserId: homeMember(w, 'ORDERER').user.id,
          },
        })) > 1,
    },
  },
  'agentOrder.list': {
    rung: 'agent',
    permission: 'agentAssignment.handle',
    input: () => ({}),
    fullInput: (w) => ({
      offeringId: w.webcertOfferingId,
      organizationId: w.home.organization.id,
      waiting: false,
      cursor: { stateSince: new Date(0), id: randomUUID() },
    }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.homeOrderNumber] },
  },
  'agentOrder.filters': {
    rung: 'agent',
    permission: 'agentAssignment.handle',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.home.organization.id, w.home.organization.name, w.webcertOfferingId] },
  },
  'agentOrder.attesters': {
    rung: 'agent',
    permission: 'agentAssignment.handle',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [agentMember(w, 'ATTESTER').user.id] },
  },
  'agentOrder.invoiceAddresses': {
    rung: 'agent',
    permission: 'agentAssignment.handle',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: () => ['Agentreferens 99'] },
  },
  'agentOrder.forward': {
    rung: 'agent',
    permission: 'agentAssignment.handle',
    input: (w) => forwardInput(w, w.homeOrderId, 1, randomUUID()),
    fullInput: (w) => ({
      ...forwardInput(w, w.homeOrderId, 1, randomUUID()),
      invoice: { kind: 'new', addressLine: 'Ny väg 1', postalCode: '123 45', city: 'Ort', reference: 'Ref' },
    }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const order = await homeOrderAt(db, w, 'AGENT_REVIEW')
        const address = await db.prisma.invoiceAddress.findFirstOrThrow({
          where: { organizationId: w.agent.organization.id },
        })
        return forwardInput(w, order.id, order.version, address.id)
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'AGENT_ATTESTATION',
    },
  },
  'agentOrder.reject': {
    rung: 'agent',
    permission: 'agentAssignment.handle',
    input: (w) => ({ orderId: w.homeOrderId, version: 1, reason: 'Vi har inget avtal med er.' }),
    multiline: ['reason'],
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const order = await homeOrderAt(db, w, 'AGENT_REVIEW')
        return { orderId: order.id, version: order.version, reason: 'Vi har inget avtal med er.' }
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'REJECTED',
    },
  },
  'review.queue': {
    rung: 'provider',
    permission: 'provider.review',
    input: () => ({}),
    fullInput: (w) => ({
      offeringId: w.webcertOfferingId,
      organizationId: w.home.organization.id,
      waiting: true,
      cursor: { stateSince: new Date(0), id: randomUUID() },
    }),
    otherOrganization: 'scoped',
    allowed: {
      input: async (w, db) => {
        await homeOrderAt(db, w, 'PROVIDER_REVIEW')
        return {}
      },
      shows: (w) => [w.home.organization.name, 'PROVIDER_REVIEW'],
    },
  },
  'review.filters': {
    rung: 'provider',
    permission: 'provider.review',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.home.organization.id, w.webcertOfferingId] },
  },
  'review.approve': {
    rung: 'provider',
    permission: 'provider.review',
    input: (w) => ({ orderId: w.homeOrderId, version: 1 }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const order = await homeOrderAt(db, w, 'PROVIDER_REVIEW')
        return { orderId: order.id, version: order.version }
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'COMPLETED',
    },
  },
  'review.reject': {
    rung: 'provider',
    permission: 'provider.review',
    input: (w) => ({ orderId: w.homeOrderId, version: 1, reason: 'Uppgifterna stämmer inte.' }),
    multiline: ['reason'],
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const order = await homeOrderAt(db, w, 'PROVIDER_REVIEW')
        return { orderId: order.id, version: order.version, reason: 'Uppgifterna stämmer inte.' }
      },
      changed: async (_w, db, input) => (await orderOf(db, input)).state === 'REJECTED',
    },
  },
  'signing.open': {
    rung: 'public',
    input: () => ({ token: 'ingen-sadan-lank' }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ token: (await homeSigningLink(w, db)).token }),
      shows: (w) => ['Hemmareferens 4711', homeMember(w, 'ATTESTER').user.name],
    },
  },
  'signing.startAttestation': {
    rung: 'public',
    input: () => ({ token: 'ingen-sadan-lank', contentHash: '0'.repeat(64) }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const { token, order } = await homeSigningLink(w, db)
        return { token, contentHash: await signedContentHash(db.prisma, order, 'ORDERING') }
      },
      shows: () => ['070-*** ** 01'],
    },
  },
  'signing.attest': {
    rung: 'public',
    input: () => ({ token: 'ingen-sadan-lank', response: { challengeId: randomUUID(), code: '123456' } }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const { token, order } = await homeSigningLink(w, db)
        const actor = await chainActorOf(db.prisma, actorFor(w.home, 'ATTESTER', w))
        const contentHash = await signedContentHash(db.prisma, order, 'ORDERING')
        const sent = await startAttestation(
          db,
          TEST_AUTH_SETTINGS,
          { ...actor, sessionId: null },
          {
            orderId: order.id,
            contentHash,
          },
        )
        return {
          token,
          response: { challengeId: sent.challengeId, code: await smsCodeTo(db, ATTESTER_MOBILE) },
        }
      },
      shows: () => ['PROVIDER_REVIEW'],
    },
  },
  'signing.cancel': {
    rung: 'public',
    input: () => ({ token: 'ingen-sadan-lank', version: 1, reason: 'Fel.' }),
    multiline: ['reason'],
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const { token, order } = await homeSigningLink(w, db)
        return { token, version: order.version, reason: 'Fel.' }
      },
      shows: () => ['CANCELLED'],
    },
  },
  'signing.resend': {
    rung: 'public',
    input: () => ({ token: 'ingen-sadan-lank', challengeId: randomUUID() }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const { token, order } = await homeSigningLink(w, db)
        const actor = await chainActorOf(db.prisma, actorFor(w.home, 'ATTESTER', w))
        const sent = await startAttestation(
          db,
          TEST_AUTH_SETTINGS,
          { ...actor, sessionId: null },
          {
            orderId: order.id,
            contentHash: await signedContentHash(db.prisma, order, 'ORDERING'),
          },
        )
        await db.prisma.stepUpChallenge.update({
          where: { id: sent.challengeId },
          data: { lastSentAt: new Date(Date.now() - 60_000) },
        })
        return { token, challengeId: sent.challengeId }
      },
      shows: () => ['070-*** ** 01'],
    },
  },
  'signing.startMobileVerification': {
    rung: 'public',
    input: () => ({ token: 'ingen-sadan-lank', mobile: '070-123 45 67' }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({
        token: (await passwordlessSigningLink(w, db)).token,
        mobile: '070-333 44 55',
      }),
      shows: () => ['070-*** ** 55'],
    },
  },
  'signing.confirmMobile': {
    rung: 'public',
    input: () => ({
      token: 'ingen-sadan-lank',
      mobile: '070-123 45 67',
      response: { challengeId: randomUUID(), code: '123456' },
    }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => {
        const { token, userId } = await passwordlessSigningLink(w, db)
        const sent = await startMobileVerification(db, TEST_AUTH_SETTINGS, userId, '+46703334466')
        return {
          token,
          mobile: '+46703334466',
          response: { challengeId: sent.challengeId, code: await smsCodeTo(db, '+46703334466') },
        }
      },
      changed: async (_w, db) =>
        (await db.prisma.user.count({
          where: { mobile: '+46703334466', mobileVerifiedAt: { not: null } },
        })) === 1,
    },
  },
}

/** The verified number `home`'s attestant signs with in positive controls. */
const ATTESTER_MOBILE = '+46703330001'

/** A new order of `home` waiting for its attestant, who has a verified number. */
async function attestableHomeOrder(w: World, db: Db) {
  await db.prisma.user.update({
    where: { id: homeMember(w, 'ATTESTER').user.id },
    data: { mobile: ATTESTER_MOBILE, mobileVerifiedAt: new Date() },
  })
  return homeOrderAt(db, w, 'CUSTOMER_ATTESTATION')
}

/**
 * A mailed signing link of a new attestant of `home` who has no password and no number (added, never
 * signed in): the one kind of person who adds a number on the link's page.
 */
async function passwordlessSigningLink(w: World, db: Db) {
  const user = await createUser(db.prisma, { name: 'Utan Lösenord' })
  await addMembership(db.prisma, {
    userId: user.id,
    organizationId: w.home.organization.id,
    roles: ['ATTESTER'],
  })
  const order = await homeOrderAt(db, w, 'CUSTOMER_ATTESTATION', { attesterUserId: user.id })
  const token = randomToken()
  await db.prisma.orderSigningLink.create({
    data: {
      tokenHash: hashToken(token),
      orderId: order.id,
      state: order.state,
      userId: user.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  })
  return { token, userId: user.id }
}

/** A mailed signing link of `home`'s attestant for a new order waiting for them. */
async function homeSigningLink(w: World, db: Db) {
  const order = await attestableHomeOrder(w, db)
  const token = randomToken()
  await db.prisma.orderSigningLink.create({
    data: {
      tokenHash: hashToken(token),
      orderId: order.id,
      state: order.state,
      userId: order.attesterUserId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  })
  return { token, order }
}

const orderOf = (db: Db, input: unknown) =>
  db.prisma.order.findUniqueOrThrow({ where: { id: (input as { orderId: string }).orderId } })

/** The member of the agent organisation holding `role`. */
export function agentMember(world: World, role: Role) {
  const member = world.agent.members.find((m) => m.membership.roles.includes(role))
  if (!member) throw new Error(`no ${role} at the agent`)
  return member
}

function forwardInput(w: World, orderId: string, version: number, invoiceAddressId: string) {
  return {
    orderId,
    version,
    attestations: ['agent-assigned', 'agent-technical'],
    invoice: { kind: 'existing' as const, invoiceAddressId },
    attesterUserId: agentMember(w, 'ATTESTER').user.id,
  }
}
