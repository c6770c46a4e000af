import { randomUUID } from 'node:crypto'
import {
  createOrganization,
  createOrgWithMembers,
  type Db,
  nextNumber,
  type OrgWithMembers,
  type Prisma,
  type Role,
} from '@kundnav/db'
import { isProviderRole, ROLES } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import { CHAINS, firstState } from '../chains/engine.ts'
import type { Context, RequestInfo, SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { createCaller } from '../root.ts'
import { recordAudit } from '../services/audit.ts'
import { inProcessCaseEvents } from '../services/case-events.ts'
import { syncCatalogue } from '../services/catalogue.ts'
import { memoryFileStore } from '../services/file-storage.ts'
import { startStepUp } from '../services/step-up.ts'
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from '../settings.ts'

/**
 * Two customer organisations with one member per customer role each, and the provider with its staff —
 * and rows in every table a procedure reads: a session per member, audit events in each organisation, a
 * message in the development mailbox. Two misplaced memberships test the ladder's organisation-type
 * checks: a provider employee holding every customer role in the provider organisation, and a customer
 * member holding the provider roles in `home`.
 */
export interface World {
  provider: OrgWithMembers
  home: OrgWithMembers
  /** An organisation holding every customer role and no relation to `home`; an agent, named by none of its orders. */
  other: OrgWithMembers
  /** The agent `home`'s order names ("Agent AB"), with a member in every customer role and an invoice address. */
  agent: OrgWithMembers
  /** A session row for every member, by user id, so "own things" procedures have real sessions. */
  sessions: Map<string, string>
  homeAuditEventIds: string[]
  /** The recipient of the development mailbox's message (no member's address). */
  mailboxRecipient: string
  /** An open invitation of `home`'s orderer into a third organisation: the orderer's own to answer. */
  homeInvitationId: string
  /** The catalogue's "Webcert Integrerad – via agent", and an agent assigned to Webcert. */
  webcertOfferingId: string
  agentOrganizationId: string
  /** `home`'s orderer's draft of it (every step answered), an invoice address and an order of `home`. */
  homeDraftId: string
  homeInvoiceAddressId: string
  homeOrderId: string
  homeOrderNumber: string
  /** An open step-up of `home`'s orderer (a password change), sent to a number of theirs. */
  homeStepUpChallengeId: string
  /** A case of `home`'s administrator (visibility: reporter only), with one attached file and a message. */
  homeCaseId: string
  homeCaseNumber: string
  homeCaseFileId: string
}

const CUSTOMER_ROLES = ROLES.filter((role) => !isProviderRole(role))
const PROVIDER_ROLES = ROLES.filter((role) => isProviderRole(role))

export async function createWorld(db: Db): Promise<World> {
  const members = (roles: readonly Role[]) => roles.map((role) => ({ roles: [role], name: `Person ${role}` }))
  const misplaced = (roles: readonly Role[]) => ({ roles: [...roles], name: 'Felplacerad Person' })
  const world: World = {
    provider: await createOrgWithMembers(db.prisma, {
      type: 'PROVIDER',
      members: [...members(PROVIDER_ROLES), misplaced(CUSTOMER_ROLES)],
    }),
    home: await createOrgWithMembers(db.prisma, {
      name: 'Hemma AB',
      members: [...members(CUSTOMER_ROLES), misplaced(PROVIDER_ROLES)],
    }),
    other: await createOrgWithMembers(db.prisma, {
      name: 'Annan AB',
      isAgent: true,
      members: members(CUSTOMER_ROLES),
    }),
    agent: await createOrgWithMembers(db.prisma, {
      name: 'Agent AB',
      isAgent: true,
      members: members(CUSTOMER_ROLES),
    }),
    sessions: new Map<string, string>(),
    homeAuditEventIds: [],
    mailboxRecipient: 'mottagare@mailbox.test',
    homeInvitationId: '',
    webcertOfferingId: '',
    agentOrganizationId: '',
    homeDraftId: '',
    homeInvoiceAddressId: '',
    homeOrderId: '',
    homeOrderNumber: '',
    homeStepUpChallengeId: '',
    homeCaseId: '',
    homeCaseNumber: '',
    homeCaseFileId: '',
  }
  for (const org of [world.provider, world.home, world.other, world.agent]) {
    for (const { user, membership } of org.members) {
      const session = await db.prisma.session.create({
        data: {
          sessionToken: randomUUID(),
          userId: user.id,
          expires: new Date(Date.now() + 3_600_000),
          activeOrganizationId: org.organization.id,
          activeRole: membership.roles[0] ?? null,
        },
      })
      world.sessions.set(user.id, session.id)
    }
    const [first] = org.members
    await recordAudit(db.prisma, {
      organizationId: org.organization.id,
      actorUserId: first?.user.id ?? null,
      actorRole: first?.membership.roles[0] ?? null,
      action: 'world.created',
      targetType: 'Organization',
      targetId: org.organization.id,
    })
  }
  const homeEvents = await db.prisma.auditEvent.findMany({
    where: { organizationId: world.home.organization.id },
    select: { id: true },
  })
  world.homeAuditEventIds = homeEvents.map((event) => event.id)
  world.homeInvitationId = (await inviteHomeOrderer(db, world)).id
  await createOrdering(db, world)
  const orderer = world.home.members.find((m) => m.membership.roles.includes('ORDERER'))?.user
  if (!orderer) throw new Error('home has no orderer')
  await db.prisma.user.update({
    where: { id: orderer.id },
    data: { mobile: '+46709999999', mobileVerifiedAt: new Date() },
  })
  const stepUp = await startStepUp(db, TEST_AUTH_SETTINGS, {
    userId: orderer.id,
    purpose: 'password.change',
    subjectId: orderer.id,
    content: { action: 'password.change', username: orderer.username },
    description: { purpose: 'password.change' },
    recipient: '+46709999999',
  })
  world.homeStepUpChallengeId = stepUp.challengeId
  await createHomeCase(db, world)
  await db.prisma.outboxMessage.create({
    data: {
      channel: 'EMAIL',
      recipient: world.mailboxRecipient,
      subject: 'Hej',
      text: 'Ett meddelande i utvecklingsbrevlådan.',
      messageId: `<${randomUUID()}@kundnav.test>`,
      status: 'SENT',
      deliveredVia: 'mailbox',
      sentAt: new Date(),
    },
  })
  return world
}

/** The catalogue, an agent for Webcert, and `home`'s ordering: an attestant who can sign in, a draft, an order. */
async function createOrdering(db: Db, world: World) {
  await syncCatalogue(db)
  const offering = await db.prisma.offering.findUniqueOrThrow({
    where: { code: 'webcert-integrerad-via-agent' },
  })
  world.webcertOfferingId = offering.id
  const agent = world.agent.organization
  await db.prisma.invoiceAddress.create({
    data: {
      organizationId: agent.id,
      addressLine: 'Agentgatan 9',
      postalCode: '543 21',
      city: 'Agentby',
      reference: 'Agentreferens 99',
    },
  })
  await db.prisma.agentAssignment.create({
    data: { agentOrganizationId: agent.id, serviceId: offering.serviceId },
  })
  world.agentOrganizationId = agent.id
  for (const org of [world.home, world.other, world.agent]) {
    const attester = org.members.find((m) => m.membership.roles.includes('ATTESTER'))
    if (attester) {
      await db.prisma.user.update({ where: { id: attester.user.id }, data: { passwordHash: 'signs-in' } })
    }
  }
  const orderer = world.home.members.find((m) => m.membership.roles.includes('ORDERER'))
  const attester = world.home.members.find((m) => m.membership.roles.includes('ATTESTER'))
  if (!orderer || !attester) throw new Error('no orderer or attestant at home')
  const address = await db.prisma.invoiceAddress.create({
    data: {
      organizationId: world.home.organization.id,
      addressLine: 'Hemgatan 1',
      postalCode: '123 45',
      city: 'Hemby',
      reference: 'Hemmareferens 4711',
    },
  })
  world.homeInvoiceAddressId = address.id
  const draft = await db.prisma.orderDraft.create({
    data: {
      organizationId: world.home.organization.id,
      createdByUserId: orderer.user.id,
      offeringId: offering.id,
      step: 'review',
      answers: completeWebcertAnswers(world, attester.user.id),
    },
  })
  world.homeDraftId = draft.id
  const terms = await db.prisma.offeringTerms.findFirstOrThrow({ where: { offeringId: offering.id } })
  const order = await db.prisma.$transaction(async (tx) =>
    tx.order.create({
      data: {
        number: await nextNumber(tx, 'B', 2026),
        organizationId: world.home.organization.id,
        offeringId: offering.id,
        termsId: terms.id,
        chain: CHAINS.VIA_AGENT as unknown as Prisma.InputJsonObject,
        state: firstState(CHAINS.VIA_AGENT),
        agentOrganizationId: agent.id,
        submittedByUserId: orderer.user.id,
        attesterUserId: attester.user.id,
        fields: { careUnits: 3, sourceSystem: 'takecare', agent: agent.id },
        attestations: [],
        invoiceAddressId: address.id,
        invoiceAddress: {
          addressLine: 'Hemgatan 1',
          postalCode: '123 45',
          city: 'Hemby',
          reference: 'Hemmareferens 4711',
        },
        quantity: 3,
        startupFeeOre: offering.startupFeeOre,
        monthlyFeeOre: offering.monthlyFeeOre,
        idempotencyKey: randomUUID(),
      },
    }),
  )
  world.homeOrderId = order.id
  world.homeOrderNumber = order.number
}

/** The bytes of `world.homeCaseFileId` in TEST_FILES. */
export const HOME_CASE_FILE_TEXT = 'Underlag för hemmaärendet\n'

/** `home`'s administrator's case "Hemmaärende om semesterlön", its file (stored in TEST_FILES) and a message. */
async function createHomeCase(db: Db, world: World) {
  const reporter = world.home.members.find((m) => m.membership.roles.includes('ADMIN'))?.user
  if (!reporter) throw new Error('no administrator at home')
  const created = await db.prisma.$transaction(async (tx) =>
    tx.case.create({
      data: {
        number: await nextNumber(tx, '', 2026),
        organizationId: world.home.organization.id,
        reporterUserId: reporter.id,
        createdByUserId: reporter.id,
        area: 'LON',
        subArea: 'LON_BESLUT',
        subject: 'Hemmaärende om semesterlön',
        message: 'Hemmameddelande: beslut bifogat.',
        idempotencyKey: randomUUID(),
      },
    }),
  )
  const storageKey = `cases/${created.id}/${randomUUID()}`
  await TEST_FILES.put(storageKey, new TextEncoder().encode(HOME_CASE_FILE_TEXT))
  const file = await db.prisma.caseFile.create({
    data: {
      organizationId: world.home.organization.id,
      uploadedByUserId: reporter.id,
      caseId: created.id,
      name: 'hemmabeslut.txt',
      mediaType: 'text/plain',
      size: HOME_CASE_FILE_TEXT.length,
      sha256: '0'.repeat(64),
      storageKey,
      attachedAt: new Date(),
    },
  })
  await db.prisma.caseMessage.create({
    data: {
      caseId: created.id,
      authorUserId: reporter.id,
      fromProvider: false,
      body: 'Hemmasvar i dialogen.',
    },
  })
  world.homeCaseId = created.id
  world.homeCaseNumber = created.number
  world.homeCaseFileId = file.id
}

/** Answers to every step of "Webcert Integrerad – via agent", as the wizard saves them. */
export function completeWebcertAnswers(world: World, attesterUserId: string) {
  return {
    fields: { careUnits: 12, sourceSystem: 'cambio-cosmic', agent: world.agentOrganizationId },
    attestations: ['hsa', 'agent-informed'],
    invoice: { kind: 'existing' as const, invoiceAddressId: world.homeInvoiceAddressId },
    attesterUserId,
    acceptedTermsVersion: 1,
  }
}

/** An open invitation of `home`'s orderer into an organisation of its own (as `member.add` of an existing account makes). */
export async function inviteHomeOrderer(db: Db, world: World) {
  const orderer = world.home.members.find((m) => m.membership.roles.includes('ORDERER'))
  if (!orderer) throw new Error('no orderer at home')
  const inviting = await createOrganization(db.prisma, { name: 'Inbjudande AB' })
  return db.prisma.membership.create({
    data: {
      userId: orderer.user.id,
      organizationId: inviting.id,
      roles: ['CONTACT'],
      acceptedAt: null,
      invitedName: 'Inskrivet Namn',
      invitationExpiresAt: new Date(Date.now() + 86_400_000),
    },
  })
}

/** Text that names `world.home`'s records: none of it may reach a caller from elsewhere. */
export function homeDataMarkers(world: World): string[] {
  return [
    world.home.organization.id,
    ...world.home.members.flatMap(({ user, membership }) => [
      user.email,
      membership.id,
      world.sessions.get(user.id) ?? '',
    ]),
    ...world.homeAuditEventIds,
    world.homeInvitationId,
    world.homeDraftId,
    world.homeInvoiceAddressId,
    'Hemmareferens 4711',
    world.homeOrderId,
    world.homeOrderNumber,
    world.homeStepUpChallengeId,
    world.homeCaseId,
    world.homeCaseNumber,
    world.homeCaseFileId,
    'Hemmaärende om semesterlön',
  ].filter(Boolean)
}

/** The actor a member of `org` is after choosing `role` there (as sign-in and role choice produce). */
export function actorFor(org: OrgWithMembers, role: Role, world?: World): SessionActor {
  const member = org.members.find((m) => m.membership.roles.includes(role))
  if (!member) throw new Error(`No member with ${role} in ${org.organization.name}`)
  return {
    sessionId: world?.sessions.get(member.user.id) ?? randomUUID(),
    userId: member.user.id,
    name: member.user.name,
    organizationId: org.organization.id,
    organizationType: org.organization.type,
    role,
  }
}

export const TEST_AUTH_SETTINGS: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, publicUrl: 'http://portal.test' }

/** Request facts as the server reads them for a browser on this machine; override what a test varies. */
export function testRequest(overrides: Partial<RequestInfo> = {}): RequestInfo {
  return {
    clientAddress: '127.0.0.1',
    fromLoopback: true,
    requestId: 'test-request',
    userAgent: 'vitest',
    shownPair: null,
    cookies: {},
    ...overrides,
  }
}

/** The name of the session cookie `testContext` sets. */
export const TEST_SESSION_COOKIE = 'kundnav.session'

/** The file store and the case event channel every test context shares (tests may pass their own). */
export const TEST_FILES = memoryFileStore()
export const TEST_CASE_EVENTS = inProcessCaseEvents()

/** A context as the server builds it, for calling routers directly. */
export function testContext(db: Db, actor: SessionActor | null, overrides: Partial<Context> = {}): Context {
  return {
    db,
    demoMode: true,
    actor,
    settings: TEST_AUTH_SETTINGS,
    request: testRequest(),
    resHeaders: null,
    // The server's cookie is encrypted; here the session token is in the clear, for tests to read.
    sessionCookie: async (session) => `${TEST_SESSION_COOKIE}=${session.token}; Path=/; HttpOnly`,
    files: TEST_FILES,
    caseEvents: TEST_CASE_EVENTS,
    ...overrides,
  }
}

export function callerFor(db: Db, actor: SessionActor | null, demoMode = true) {
  return createCaller(testContext(db, actor, { demoMode }))
}

/** The AppError a call fails with; a call that succeeds fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppError))
    throw new Error(`expected the call to be refused with an AppError, got ${String(error)}`)
  return error
}

/** The tRPC error code a call ends with, or "OK". */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call
    return 'OK'
  } catch (error) {
    if (error instanceof TRPCError) return error.code
    throw error
  }
}

/** The procedure at a dotted path ("member.list") of a caller, for tests that walk every procedure. */
export function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let target = caller as Record<string, unknown>
  for (const key of path.split('.')) target = target[key] as Record<string, unknown>
  return target as unknown as (input: unknown) => Promise<unknown>
}

/**
 * A new order of `home`'s, like its first, at `state` of the via-agent chain (or ended there): the agent
 * named, the agent's part filled in once past its review, attestants chosen. For positive controls that
 * use an order up.
 */
export async function homeOrderAt(
  db: Db,
  world: World,
  state: string,
  overrides: Partial<Prisma.OrderUncheckedCreateInput> = {},
) {
  const first = await db.prisma.order.findUniqueOrThrow({ where: { id: world.homeOrderId } })
  const agentAttester = world.agent.members.find((m) => m.membership.roles.includes('ATTESTER'))?.user.id
  const steps = CHAINS.VIA_AGENT.steps.map((step) => step.state)
  const pastAgentReview = steps.indexOf(state) > 0 || state === 'COMPLETED'
  const ended = ['COMPLETED', 'REJECTED', 'CANCELLED', 'WITHDRAWN'].includes(state)
  return db.prisma.$transaction(async (tx) =>
    tx.order.create({
      data: {
        number: await nextNumber(tx, 'B', 2026),
        organizationId: first.organizationId,
        offeringId: first.offeringId,
        termsId: first.termsId,
        chain: first.chain as Prisma.InputJsonObject,
        state,
        ...(ended ? { status: state as 'COMPLETED', endedAt: new Date() } : {}),
        agentOrganizationId: first.agentOrganizationId,
        submittedByUserId: first.submittedByUserId,
        attesterUserId: first.attesterUserId,
        fields: first.fields as Prisma.InputJsonObject,
        attestations: [],
        invoiceAddressId: first.invoiceAddressId,
        invoiceAddress: first.invoiceAddress as Prisma.InputJsonObject,
        ...(pastAgentReview
          ? {
              agentAttesterUserId: agentAttester ?? null,
              agentAttestations: [],
              agentInvoiceAddress: {
                addressLine: 'Agentgatan 9',
                postalCode: '543 21',
                city: 'Agentby',
                reference: 'Agentreferens 99',
              },
            }
          : {}),
        quantity: first.quantity,
        startupFeeOre: first.startupFeeOre,
        monthlyFeeOre: first.monthlyFeeOre,
        idempotencyKey: randomUUID(),
        ...overrides,
      },
    }),
  )
}
