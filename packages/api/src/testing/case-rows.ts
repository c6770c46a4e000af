import { randomUUID } from 'node:crypto'
import { type Db, nextNumber } from '@kundnav/db'
import type { ProcedureRow } from './procedure-rows.ts'
import type { World } from './world.ts'

const memberOfHome = (world: World, role: string) => {
  const member = world.home.members.find((m) => (m.membership.roles as string[]).includes(role))
  if (!member) throw new Error(`no ${role} at home`)
  return member
}

/** A new open case of `home`'s administrator, for calls that change one. */
export async function freshHomeCase(world: World, db: Db, subject = 'Nytt hemmaärende') {
  const reporter = memberOfHome(world, 'ADMIN').user
  return db.prisma.$transaction(async (tx) =>
    tx.case.create({
      data: {
        number: await nextNumber(tx, '', 2026),
        organizationId: world.home.organization.id,
        reporterUserId: reporter.id,
        createdByUserId: reporter.id,
        area: 'EKONOMI',
        subject,
        message: 'Fråga om en omföring.',
        idempotencyKey: randomUUID(),
      },
    }),
  )
}

const caseIdOf = (input: unknown) => (input as { caseId: string }).caseId
const keyOf = (input: unknown) => (input as { idempotencyKey: string }).idempotencyKey

const newCase = () => ({
  area: 'LON',
  subArea: 'LON_SUPPORT',
  subject: 'Fråga om semesterdagar',
  message: 'Hur många dagar har jag kvar?',
  fileIds: [],
  idempotencyKey: randomUUID(),
})

/** Tenant-matrix rows of the case procedures (routers/case.ts, routers/support-case.ts). */
export const CASE_ROWS: Record<string, ProcedureRow> = {
  'case.create': {
    rung: 'member',
    permission: 'case.create',
    input: () => newCase(),
    otherOrganization: 'scoped',
    multiline: ['message'],
    allowed: {
      as: 'CONTACT',
      changed: async (w, db, input) =>
        (await db.prisma.case.count({
          where: { organizationId: w.home.organization.id, idempotencyKey: keyOf(input) },
        })) === 1,
    },
  },
  'case.list': {
    rung: 'member',
    permission: 'case.read',
    input: () => ({}),
    fullInput: () => ({
      scope: 'organization',
      status: 'RECEIVED',
      area: 'LON',
      search: 'semesterlön',
      cursor: { createdAt: new Date(), id: randomUUID() },
      limit: 20,
    }),
    otherOrganization: 'scoped',
    allowed: { as: 'ADMIN', shows: (w) => [w.homeCaseNumber, 'Hemmaärende om semesterlön'] },
  },
  'case.get': {
    rung: 'party',
    permission: 'case.read',
    input: (w) => ({ caseId: w.homeCaseId }),
    otherOrganization: 'refused',
    allowed: { as: 'ADMIN', shows: (w) => [w.homeCaseNumber, 'Hemmasvar i dialogen.', 'hemmabeslut.txt'] },
  },
  'case.addMessage': {
    rung: 'party',
    permission: 'case.read',
    input: (w) => ({ caseId: w.homeCaseId, body: 'Ett till meddelande.', fileIds: [] }),
    otherOrganization: 'refused',
    multiline: ['body'],
    allowed: {
      as: 'ADMIN',
      changed: async (w, db) =>
        (await db.prisma.caseMessage.count({
          where: { caseId: w.homeCaseId, body: 'Ett till meddelande.' },
        })) > 0,
    },
  },
  'caseSettings.get': {
    rung: 'member',
    permission: 'caseSettings.manage',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: () => ['REPORTER_ONLY'] },
  },
  'caseSettings.set': {
    rung: 'member',
    permission: 'caseSettings.manage',
    input: () => ({ visibility: 'REPORTER_ONLY' }),
    otherOrganization: 'scoped',
    allowed: {
      // Set and set back, so the rest of the matrix runs on "reporter only".
      input: async (w, db) => {
        await db.prisma.organization.update({
          where: { id: w.home.organization.id },
          data: { caseVisibility: 'MEMBERS' },
        })
        return { visibility: 'REPORTER_ONLY' }
      },
      changed: async (w, db) =>
        (await db.prisma.auditEvent.count({
          where: { organizationId: w.home.organization.id, action: 'case.visibility_changed' },
        })) > 0 &&
        (await db.prisma.organization.findUniqueOrThrow({ where: { id: w.home.organization.id } }))
          .caseVisibility === 'REPORTER_ONLY',
    },
  },
  'supportCase.queue': {
    rung: 'provider',
    permission: 'provider.support',
    input: () => ({}),
    fullInput: (w) => ({
      status: 'RECEIVED',
      area: 'LON',
      organizationId: w.home.organization.id,
      search: 'semesterlön',
      cursor: { statusSince: new Date(0), id: randomUUID() },
      limit: 25,
    }),
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.homeCaseNumber, 'Hemma AB'] },
  },
  'supportCase.organizations': {
    rung: 'provider',
    permission: 'provider.support',
    input: () => undefined,
    otherOrganization: 'scoped',
    allowed: { shows: (w) => [w.home.organization.id] },
  },
  'supportCase.take': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({ caseId: w.homeCaseId, version: 1 }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({ caseId: (await freshHomeCase(w, db)).id, version: 1 }),
      changed: async (_w, db, input) =>
        (await db.prisma.case.findUniqueOrThrow({ where: { id: caseIdOf(input) } })).status === 'IN_PROGRESS',
    },
  },
  'supportCase.setStatus': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({ caseId: w.homeCaseId, version: 1, status: 'IN_PROGRESS' }),
    otherOrganization: 'refused',
    allowed: {
      input: async (w, db) => ({
        caseId: (await freshHomeCase(w, db)).id,
        version: 1,
        status: 'IN_PROGRESS',
      }),
      changed: async (_w, db, input) =>
        (await db.prisma.case.findUniqueOrThrow({ where: { id: caseIdOf(input) } })).status === 'IN_PROGRESS',
    },
  },
  'supportCase.close': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({ caseId: w.homeCaseId, version: 1, answer: 'Svaret på frågan.' }),
    otherOrganization: 'refused',
    multiline: ['answer'],
    allowed: {
      input: async (w, db) => ({
        caseId: (await freshHomeCase(w, db)).id,
        version: 1,
        answer: 'Svaret på frågan.',
      }),
      changed: async (_w, db, input) => {
        const closed = await db.prisma.case.findUniqueOrThrow({ where: { id: caseIdOf(input) } })
        return closed.status === 'CLOSED' && closed.answer === 'Svaret på frågan.'
      },
    },
  },
  'supportCase.registerPhoneCase': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({
      ...newCase(),
      organizationId: w.home.organization.id,
      reporterUserId: memberOfHome(w, 'CONTACT').user.id,
    }),
    otherOrganization: 'refused',
    multiline: ['message'],
    allowed: {
      changed: async (w, db, input) =>
        (await db.prisma.case.count({
          where: {
            organizationId: w.home.organization.id,
            channel: 'PHONE',
            reporterUserId: memberOfHome(w, 'CONTACT').user.id,
            idempotencyKey: keyOf(input),
          },
        })) === 1,
    },
  },
}
