import { randomUUID } from 'node:crypto'
import { addMembership, createUser, type Db, type Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionActor } from '../context.ts'
import { createCaller } from '../root.ts'
import { type CaseEvent, inProcessCaseEvents } from '../services/case-events.ts'
import { freshHomeCase } from '../testing/case-rows.ts'
import { homeMember } from '../testing/procedure-rows.ts'
import {
  actorFor,
  codeOf,
  createWorld,
  failureOf,
  TEST_AUTH_SETTINGS,
  testContext,
  type World,
} from '../testing/world.ts'

let db: Db
let world: World
const events = inProcessCaseEvents()
const heard: CaseEvent[] = []
events.subscribe((event) => heard.push(event))

beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

const as = (actor: SessionActor) => createCaller(testContext(db, actor, { caseEvents: events }))
const at = (org: World['home'], role: Role) => as(actorFor(org, role, world))
const support = () => at(world.provider, 'PROVIDER_SUPPORT')
const person = (role: Role) => homeMember(world, role).user

async function setVisibility(visibility: 'REPORTER_ONLY' | 'ADMINS' | 'MEMBERS') {
  await db.prisma.organization.update({
    where: { id: world.home.organization.id },
    data: { caseVisibility: visibility },
  })
}

/** An upload of `userId`'s that no case has taken yet (as /api/files leaves it). */
async function upload(userId: string, organizationId: string | null = world.home.organization.id) {
  return db.prisma.caseFile.create({
    data: {
      organizationId,
      uploadedByUserId: userId,
      name: 'beslut.pdf',
      mediaType: 'application/pdf',
      size: 10,
      sha256: '0'.repeat(64),
      storageKey: `cases/${userId}/${randomUUID()}`,
    },
  })
}

const question = (overrides: Record<string, unknown> = {}) => ({
  area: 'LON',
  subArea: 'LON_BESLUT',
  subject: 'Anställningsbeslut för juni',
  message: 'Här är beslutet om min anställning.',
  fileIds: [] as string[],
  idempotencyKey: randomUUID(),
  ...overrides,
})

async function newestMailTo(email: string) {
  return db.prisma.outboxMessage.findFirstOrThrow({
    where: { channel: 'EMAIL', recipient: email },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
}

beforeEach(async () => {
  await setVisibility('REPORTER_ONLY')
  heard.length = 0
})

describe('Skapa ärende', () => {
  it('requires an attachment for Lön → Beslut/Underlag and saves nothing without one', async () => {
    const before = await db.prisma.case.count()
    const error = await at(world.home, 'ATTESTER')
      .case.create(question())
      .catch((e: unknown) => e as TRPCError)
    expect(error).toBeInstanceOf(TRPCError)
    expect((error as TRPCError).code).toBe('BAD_REQUEST')
    expect(String((error as TRPCError).cause)).toContain('Bifoga minst en fil')
    expect(await db.prisma.case.count()).toBe(before)
  })

  it('asks for a Delområde where the area has them, and refuses one where it has none', async () => {
    const attester = at(world.home, 'ATTESTER')
    expect(await codeOf(attester.case.create(question({ subArea: null })))).toBe('BAD_REQUEST')
    expect(await codeOf(attester.case.create(question({ area: 'IT', subArea: 'LON_SUPPORT' })))).toBe(
      'BAD_REQUEST',
    )
    expect(await codeOf(attester.case.create(question({ area: 'OKAND', subArea: null })))).toBe('BAD_REQUEST')
  })

  it('numbers the case, attaches the files, mails the receipt and tells live subscribers', async () => {
    const reporter = person('SIGNATORY')
    const file = await upload(reporter.id)
    const created = await at(world.home, 'SIGNATORY').case.create(question({ fileIds: [file.id] }))
    expect(created.number).toMatch(/^\d{4}-\d{6}$/)
    const saved = await db.prisma.case.findUniqueOrThrow({
      where: { id: created.caseId },
      include: { files: true },
    })
    expect(saved).toMatchObject({ status: 'RECEIVED', channel: 'PORTAL', reporterUserId: reporter.id })
    expect(saved.files.map((f) => f.id)).toEqual([file.id])
    const mail = await newestMailTo(reporter.email)
    expect(mail.subject).toContain(created.number)
    expect(mail.text).toContain('Lön → Beslut/Underlag')
    expect(heard).toContainEqual({
      caseId: created.caseId,
      organizationId: world.home.organization.id,
      kind: 'created',
    })
  })

  it('makes one case of the same submit sent many times at once', async () => {
    const input = question({ area: 'EKONOMI', subArea: null })
    const results = await Promise.all(
      Array.from({ length: 20 }, () => at(world.home, 'CONTACT').case.create(input)),
    )
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1)
    expect(await db.prisma.case.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1)
  })

  it('refuses a file that is someone else’s, another organisation’s or already attached, and saves nothing', async () => {
    const own = person('CONTACT')
    const others = await upload(person('ORDERER').id)
    const elsewhere = await upload(own.id, world.other.organization.id)
    const caller = at(world.home, 'CONTACT')
    for (const fileId of [others.id, elsewhere.id, world.homeCaseFileId, randomUUID()]) {
      const before = await db.prisma.case.count()
      const error = await failureOf(caller.case.create(question({ fileIds: [fileId] })))
      expect(error.appCode).toBe('FILE_UNAVAILABLE')
      expect(await db.prisma.case.count()).toBe(before)
    }
  })

  it('refuses an eleventh file', async () => {
    const reporter = person('CONTACT')
    const files = await Promise.all(Array.from({ length: 11 }, () => upload(reporter.id)))
    expect(
      await codeOf(at(world.home, 'CONTACT').case.create(question({ fileIds: files.map((f) => f.id) }))),
    ).toBe('BAD_REQUEST')
    const created = await at(world.home, 'CONTACT').case.create(
      question({ fileIds: files.slice(0, 10).map((f) => f.id) }),
    )
    const last = await upload(reporter.id)
    const error = await failureOf(
      at(world.home, 'CONTACT').case.addMessage({
        caseId: created.caseId,
        body: 'En till fil.',
        fileIds: [last.id],
      }),
    )
    expect(error.appCode).toBe('TOO_MANY_FILES')
  })
})

describe('who sees a case: the organisation administrator’s choice', () => {
  const seen = async (role: Role, caseId: string) => {
    const caller = at(world.home, role)
    const listed = await caller.case.list({ scope: 'organization' })
    const got = await codeOf(caller.case.get({ caseId }))
    return { listed: listed.rows.some((row) => row.id === caseId), got }
  }

  it('reporter only: nobody else at home, whatever their role', async () => {
    const { id } = await freshHomeCase(world, db, 'Bara anmälaren')
    expect(await seen('ADMIN', id)).toEqual({ listed: true, got: 'OK' }) // the reporter
    for (const role of ['ORDERER', 'CONTACT', 'ATTESTER'] as const) {
      expect(await seen(role, id), role).toEqual({ listed: false, got: 'NOT_FOUND' })
    }
  })

  it('administrators: the Administratör role sees the others’ cases, other roles don’t', async () => {
    const mine = await at(world.home, 'ORDERER').case.create(question({ area: 'IT', subArea: null }))
    await setVisibility('ADMINS')
    expect(await seen('ADMIN', mine.caseId)).toEqual({ listed: true, got: 'OK' })
    expect(await seen('CONTACT', mine.caseId)).toEqual({ listed: false, got: 'NOT_FOUND' })
    // Seeing is not writing: only the person the case is about writes in it.
    const error = await failureOf(
      at(world.home, 'ADMIN').case.addMessage({ caseId: mine.caseId, body: 'Hej' }),
    )
    expect(error.appCode).toBe('CASE_NOT_YOURS')
  })

  it('every member: all of home sees it; another organisation never does', async () => {
    const { id } = await freshHomeCase(world, db, 'Alla ser')
    await setVisibility('MEMBERS')
    for (const role of ['ORDERER', 'CONTACT', 'AGENT_OFFICER'] as const) {
      expect(await seen(role, id), role).toEqual({ listed: true, got: 'OK' })
    }
    const stranger = at(world.other, 'ADMIN')
    expect(await codeOf(stranger.case.get({ caseId: id }))).toBe('NOT_FOUND')
    expect((await stranger.case.list({ scope: 'organization' })).rows.some((row) => row.id === id)).toBe(
      false,
    )
  })

  it('scope "mine" lists only the person’s own cases even when they see more', async () => {
    await setVisibility('MEMBERS')
    const rows = (await at(world.home, 'ORDERER').case.list({ scope: 'mine' })).rows
    const reporters = await db.prisma.case.findMany({ where: { id: { in: rows.map((r) => r.id) } } })
    expect(reporters.every((row) => row.reporterUserId === person('ORDERER').id)).toBe(true)
  })

  it('only the administrator changes the setting, and it is audited', async () => {
    expect(await codeOf(at(world.home, 'ORDERER').caseSettings.set({ visibility: 'MEMBERS' }))).toBe(
      'FORBIDDEN',
    )
    await at(world.home, 'ADMIN').caseSettings.set({ visibility: 'ADMINS' })
    expect(await at(world.home, 'ADMIN').caseSettings.get()).toEqual({ visibility: 'ADMINS' })
    const event = await db.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: world.home.organization.id, action: 'case.visibility_changed' },
      orderBy: { chainSeq: 'desc' },
    })
    expect(event.data).toEqual({ from: 'REPORTER_ONLY', to: 'ADMINS' })
    const logged = () =>
      db.prisma.auditEvent.count({
        where: { organizationId: world.home.organization.id, action: 'case.visibility_changed' },
      })
    const before = await logged()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => at(world.home, 'ADMIN').caseSettings.set({ visibility: 'MEMBERS' })),
    )
    expect(answers.every((answer) => answer.visibility === 'MEMBERS')).toBe(true)
    expect(await logged()).toBe(before + 1)
  })
})

describe('provider support’s workspace', () => {
  it('takes, writes, closes with an answer; the reporter sees news, the answer and every mail', async () => {
    const reporter = person('ORDERER')
    const created = await at(world.home, 'ORDERER').case.create(question({ area: 'EHANDEL', subArea: null }))
    const queue = await support().supportCase.queue({ organizationId: world.home.organization.id })
    expect(queue.rows.map((row) => row.id)).toContain(created.caseId)

    const taken = await support().supportCase.take({ caseId: created.caseId, version: 1 })
    expect((await newestMailTo(reporter.email)).subject).toContain('Under bearbetning')
    const written = await support().case.addMessage({
      caseId: created.caseId,
      body: 'Vilken leverantör gäller det?',
    })
    expect(written.version).toBe(taken.version + 1)
    expect((await newestMailTo(reporter.email)).text).toContain('Vilken leverantör gäller det?')

    const listed = await at(world.home, 'ORDERER').case.list({})
    expect(listed.rows.find((row) => row.id === created.caseId)).toMatchObject({
      status: 'IN_PROGRESS',
      news: true,
    })
    const view = await at(world.home, 'ORDERER').case.get({ caseId: created.caseId })
    expect(view.messages.map((m) => [m.fromProvider, m.body])).toEqual([
      [true, 'Vilken leverantör gäller det?'],
    ])
    expect(
      (await at(world.home, 'ORDERER').case.list({})).rows.find((r) => r.id === created.caseId)?.news,
    ).toBe(false)

    await at(world.home, 'ORDERER').case.addMessage({
      caseId: created.caseId,
      body: 'Leverantören heter Kontorab.',
    })
    const supportPerson = world.provider.members.find((m) =>
      m.membership.roles.includes('PROVIDER_SUPPORT'),
    )?.user
    expect((await newestMailTo(supportPerson?.email ?? '')).text).toContain('Leverantören heter Kontorab.')

    const current = await support().case.get({ caseId: created.caseId })
    expect(
      await codeOf(
        support().supportCase.close({ caseId: created.caseId, version: current.version, answer: ' ' }),
      ),
    ).toBe('BAD_REQUEST')
    await support().supportCase.close({
      caseId: created.caseId,
      version: current.version,
      answer: 'Fakturan är betald.',
    })
    const closed = await at(world.home, 'ORDERER').case.get({ caseId: created.caseId })
    expect(closed).toMatchObject({ status: 'CLOSED', answer: 'Fakturan är betald.' })
    expect((await newestMailTo(reporter.email)).text).toContain('Fakturan är betald.')
    expect(heard.map((event) => event.kind)).toEqual(['created', 'status', 'message', 'message', 'closed'])

    const error = await failureOf(
      at(world.home, 'ORDERER').case.addMessage({ caseId: created.caseId, body: 'En sak till' }),
    )
    expect(error.appCode).toBe('CASE_CLOSED')
    const audit = await db.prisma.auditEvent.findMany({
      where: { organizationId: world.home.organization.id, targetId: created.caseId },
      orderBy: { chainSeq: 'asc' },
    })
    expect(audit.map((event) => event.action)).toEqual([
      'case.created',
      'case.taken',
      'case.message_added',
      'case.message_added',
      'case.closed',
    ])
  })

  it('refuses a change made on an older version of the case, and lets one of many parallel closes win', async () => {
    const { id } = await freshHomeCase(world, db, 'Parallellt')
    await support().supportCase.setStatus({ caseId: id, version: 1, status: 'IN_PROGRESS' })
    const stale = await failureOf(support().supportCase.close({ caseId: id, version: 1, answer: 'Svar' }))
    expect(stale.appCode).toBe('CASE_CHANGED')
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        codeOf(support().supportCase.close({ caseId: id, version: 2, answer: `Svar ${i}` })),
      ),
    )
    expect(outcomes.filter((code) => code === 'OK')).toHaveLength(1)
    expect(outcomes.filter((code) => code !== 'OK').every((code) => code === 'CONFLICT')).toBe(true)
    expect(
      await db.prisma.auditEvent.count({
        where: { targetId: id, action: 'case.closed', organizationId: world.home.organization.id },
      }),
    ).toBe(1)
  })

  it('saves messages written at the same moment by both sides, and keeps the file limit when they race', async () => {
    const reporter = person('ORDERER')
    const made = await at(world.home, 'ORDERER').case.create(question({ area: 'EHANDEL', subArea: null }))
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        codeOf(
          (i % 2 ? support() : at(world.home, 'ORDERER')).case.addMessage({
            caseId: made.caseId,
            body: `Meddelande ${i}`,
          }),
        ),
      ),
    )
    expect(outcomes).toEqual(Array(8).fill('OK'))
    expect(await db.prisma.caseMessage.count({ where: { caseId: made.caseId } })).toBe(8)

    const batches = await Promise.all(
      Array.from({ length: 6 }, () => Promise.all(Array.from({ length: 4 }, () => upload(reporter.id)))),
    )
    const attached = await Promise.all(
      batches.map((files) =>
        codeOf(
          at(world.home, 'ORDERER').case.addMessage({
            caseId: made.caseId,
            body: 'Fyra filer',
            fileIds: files.map((f) => f.id),
          }),
        ),
      ),
    )
    // Two batches of four fit under the limit of ten; every other one is refused, however they race.
    expect(attached.filter((code) => code === 'OK')).toHaveLength(2)
    expect(await db.prisma.caseFile.count({ where: { caseId: made.caseId } })).toBe(8)
  })

  it('registers a phone case that appears in the person’s Mina ärenden, marked as received by phone', async () => {
    const reporter = person('CONTACT')
    const registered = await support().supportCase.registerPhoneCase({
      ...question({ area: 'IT', subArea: null, subject: 'Kan inte logga in i Primula' }),
      organizationId: world.home.organization.id,
      reporterUserId: reporter.id,
    })
    const row = (await at(world.home, 'CONTACT').case.list({})).rows.find((r) => r.id === registered.caseId)
    expect(row).toMatchObject({ channel: 'PHONE', number: registered.number, news: false })
    const view = await at(world.home, 'CONTACT').case.get({ caseId: registered.caseId })
    expect(view.registeredByName).toBe(
      world.provider.members.find((m) => m.membership.roles.includes('PROVIDER_SUPPORT'))?.user.name,
    )
    expect((await newestMailTo(reporter.email)).text).toContain('telefonsamtalet')
  })

  it('refuses a phone case for a person outside the organisation', async () => {
    const error = await failureOf(
      support().supportCase.registerPhoneCase({
        ...question({ area: 'IT', subArea: null }),
        organizationId: world.home.organization.id,
        reporterUserId: world.other.members[0]?.user.id ?? '',
      }),
    )
    expect(error.appCode).toBe('REPORTER_NOT_FOUND')
  })

  it('refuses a phone case for a person whose roles there have ended, or whose invitation is unanswered', async () => {
    const ended = await createUser(db.prisma)
    const membership = await addMembership(db.prisma, {
      userId: ended.id,
      organizationId: world.home.organization.id,
      roles: ['CASE_OFFICER'],
    })
    await db.prisma.membershipRoleEnd.create({
      data: { membershipId: membership.id, role: 'CASE_OFFICER', endsAt: new Date(Date.now() - 60_000) },
    })
    const invited = await createUser(db.prisma)
    await db.prisma.membership.create({
      data: {
        userId: invited.id,
        organizationId: world.home.organization.id,
        roles: ['ORDERER'],
        acceptedAt: null,
      },
    })
    for (const reporter of [ended, invited]) {
      const error = await failureOf(
        support().supportCase.registerPhoneCase({
          ...question({ area: 'IT', subArea: null }),
          organizationId: world.home.organization.id,
          reporterUserId: reporter.id,
        }),
      )
      expect(error.appCode).toBe('REPORTER_NOT_FOUND')
    }
  })
})

describe('a burst of writes', () => {
  it('makes the person wait after the limit, saving nothing, while provider support is not counted', async () => {
    const settings = { ...TEST_AUTH_SETTINGS, caseWritesPerAccount: 2 }
    const caller = createCaller(
      testContext(db, actorFor(world.home, 'AGENT_OFFICER', world), { caseEvents: events, settings }),
    )
    const made = await caller.case.create(question({ area: 'IT', subArea: null }))
    await caller.case.addMessage({ caseId: made.caseId, body: 'Ett tillägg.' })
    const before = await db.prisma.case.count()
    const error = await failureOf(caller.case.create(question({ area: 'IT', subArea: null })))
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'CASE_WRITES_THROTTLED' })
    expect(error.message).toMatch(/^Du har skrivit många ärenden och meddelanden på kort tid\. Vänta /)
    expect(await db.prisma.case.count()).toBe(before)
    const registered = await support().supportCase.registerPhoneCase({
      ...question({ area: 'IT', subArea: null }),
      organizationId: world.home.organization.id,
      reporterUserId: person('AGENT_OFFICER').id,
    })
    expect(registered.number).toMatch(/^\d{4}-\d{6}$/)
  })
})

describe('Mina ärenden', () => {
  it('pages newest first by keyset, and filters by status, area and number or subject', async () => {
    const caller = at(world.home, 'SIGNATORY')
    for (let i = 0; i < 5; i++) {
      await caller.case.create(question({ area: 'EKONOMI', subArea: null, subject: `Omföring ${i}` }))
    }
    const first = await caller.case.list({ limit: 2 })
    expect(first.rows.map((r) => r.subject)).toEqual(['Omföring 4', 'Omföring 3'])
    const second = await caller.case.list({ limit: 2, cursor: first.nextCursor ?? undefined })
    expect(second.rows.map((r) => r.subject)).toEqual(['Omföring 2', 'Omföring 1'])

    const bySubject = await caller.case.list({ search: 'omföring 2' })
    expect(bySubject.rows.map((r) => r.subject)).toEqual(['Omföring 2'])
    const target = first.rows[0]
    const byNumber = await caller.case.list({ search: target?.number ?? '' })
    expect(byNumber.rows.map((r) => r.id)).toEqual([target?.id])
    expect((await caller.case.list({ area: 'IT' })).rows.every((r) => r.area === 'IT')).toBe(true)
    expect((await caller.case.list({ status: 'CLOSED' })).rows.every((r) => r.status === 'CLOSED')).toBe(true)
  })

  it('searches for the characters typed: %, _ and \\ are no wildcards', async () => {
    const caller = at(world.home, 'CONTACT')
    for (const subject of ['Rabatt 50% på_faktura C:\\lön', 'Rabatt 50 kr på fakturan', 'Rabatt 5000']) {
      await caller.case.create(question({ area: 'EKONOMI', subArea: null, subject }))
    }
    const found = async (search: string) => (await caller.case.list({ search })).rows.map((r) => r.subject)
    expect(await found('50%')).toEqual(['Rabatt 50% på_faktura C:\\lön'])
    expect(await found('%')).toEqual(['Rabatt 50% på_faktura C:\\lön'])
    expect(await found('på_f')).toEqual(['Rabatt 50% på_faktura C:\\lön'])
    expect(await found('C:\\l')).toEqual(['Rabatt 50% på_faktura C:\\lön'])
    expect(await found('rabatt 50')).toEqual([
      'Rabatt 5000',
      'Rabatt 50 kr på fakturan',
      'Rabatt 50% på_faktura C:\\lön',
    ])
  })
})
