/**
 * The tenant matrix of the case procedures under each visibility setting ("Vem ser organisationens
 * ärenden?"). For every procedure that reads or writes a case, and each setting of both organisations:
 * the positive controls — the reporter, and whoever else the setting lets see (the administrator, every
 * member) — get the case; every other role of the organisation, every member of another organisation
 * (whatever that organisation's setting), and the wrong kind of role get nothing. Every procedure of the
 * case routers must be classified here, so a new one cannot slip past.
 */
import { randomUUID } from 'node:crypto'
import type { Db, Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { CASE_VISIBILITIES, type CaseVisibility, isProviderRole, ROLES } from '@kundnav/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from './root.ts'
import { freshHomeCase } from './testing/case-rows.ts'
import {
  actorFor,
  callerFor,
  codeOf,
  createWorld,
  procedureAt,
  TEST_FILES,
  type World,
} from './testing/world.ts'

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

const CUSTOMER_ROLES = ROLES.filter((role) => !isProviderRole(role))

/** How a procedure reaches one case: `read` is allowed to whoever sees it, `write` to its reporter only. */
const CASE_PROCEDURES: Record<
  string,
  { kind: 'read' | 'write'; input: (caseId: string) => unknown } | 'none'
> = {
  'case.get': { kind: 'read', input: (caseId) => ({ caseId }) },
  'case.addMessage': { kind: 'write', input: (caseId) => ({ caseId, body: 'Ett meddelande.' }) },
  'case.list': 'none', // a list: checked below by what it holds
  'case.create': 'none', // makes a case of the caller's own
  'caseSettings.get': 'none',
  'caseSettings.set': 'none',
}

/** The file of a case (as world.homeCaseFileId is of world.homeCaseId): downloads follow the case. */
async function attachedFile(caseId: string, reporterId: string) {
  const storageKey = `cases/${reporterId}/${randomUUID()}`
  await TEST_FILES.put(storageKey, new TextEncoder().encode('abc'))
  return db.prisma.caseFile.create({
    data: {
      organizationId: world.home.organization.id,
      uploadedByUserId: reporterId,
      caseId,
      name: 'bilaga.txt',
      mediaType: 'text/plain',
      size: 3,
      sha256: '0'.repeat(64),
      storageKey,
      attachedAt: new Date(),
    },
  })
}

/** Whether `role` at home sees another person's case under `visibility`. */
function seesOthers(visibility: CaseVisibility, role: Role): boolean {
  return visibility === 'MEMBERS' || (visibility === 'ADMINS' && role === 'ADMIN')
}

describe('case tenant matrix, under each visibility setting', () => {
  it('classifies every procedure of the case routers', () => {
    const paths = Object.keys(appRouter._def.procedures).filter((path) =>
      /^(case|caseSettings|caseFile|caseLive)\./.test(path),
    )
    const classified = [
      ...Object.keys(CASE_PROCEDURES),
      'caseFile.download',
      'caseFile.upload',
      'caseFile.supportUpload',
      'caseLive.events',
    ]
    for (const path of paths) expect(classified, path).toContain(path)
  })

  for (const visibility of CASE_VISIBILITIES) {
    describe(`visibility ${visibility}`, () => {
      let caseId = ''
      let fileId = ''
      beforeAll(async () => {
        for (const org of [world.home, world.other]) {
          await db.prisma.organization.update({
            where: { id: org.organization.id },
            data: { caseVisibility: visibility },
          })
        }
        // Reported by the orderer, so the administrator is "someone else" here.
        const created = await freshHomeCase(world, db, `Synlighet ${visibility}`)
        const orderer = world.home.members.find((m) => m.membership.roles.includes('ORDERER'))?.user
        if (!orderer) throw new Error('no orderer')
        await db.prisma.case.update({ where: { id: created.id }, data: { reporterUserId: orderer.id } })
        caseId = created.id
        fileId = (await attachedFile(created.id, orderer.id)).id
      })

      const call = (org: World['home'], role: Role, path: string, input: unknown) =>
        codeOf(procedureAt(callerFor(db, actorFor(org, role, world)), path)(input))

      for (const [path, how] of Object.entries(CASE_PROCEDURES)) {
        if (how === 'none') continue
        it(`${path}: the reporter (positive control)${how.kind === 'read' ? ' and whoever the setting lets see' : ''} get the case; nobody else does`, async () => {
          for (const role of CUSTOMER_ROLES) {
            const reporter = role === 'ORDERER'
            const expected =
              reporter || (how.kind === 'read' && seesOthers(visibility, role))
                ? 'OK'
                : how.kind === 'write' && seesOthers(visibility, role)
                  ? 'FORBIDDEN'
                  : 'NOT_FOUND'
            expect(await call(world.home, role, path, how.input(caseId)), `${role} at home`).toBe(expected)
            expect(['NOT_FOUND', 'FORBIDDEN'], `${role} of another organisation`).toContain(
              await call(world.other, role, path, how.input(caseId)),
            )
          }
          expect(await call(world.provider, 'PROVIDER_SUPPORT', path, how.input(caseId))).toBe('OK')
          expect(await call(world.provider, 'PROVIDER_REVIEWER', path, how.input(caseId))).toBe('FORBIDDEN')
        })
      }

      it('caseFile.download: follows the case', async () => {
        if (!('caseFile' in appRouter._def.record)) return
        for (const role of CUSTOMER_ROLES) {
          const expected = role === 'ORDERER' || seesOthers(visibility, role) ? 'OK' : 'NOT_FOUND'
          expect(await call(world.home, role, 'caseFile.download', { fileId }), `${role} at home`).toBe(
            expected,
          )
          expect(await call(world.other, role, 'caseFile.download', { fileId }), `${role} elsewhere`).toBe(
            'NOT_FOUND',
          )
        }
      })

      it('case.list: holds the case for exactly those who see it, never for another organisation', async () => {
        for (const role of CUSTOMER_ROLES) {
          const listed = async (org: World['home']) => {
            const caller = callerFor(db, actorFor(org, role, world))
            const { rows } = await caller.case.list({ scope: 'organization', limit: 100 })
            return rows.some((row) => row.id === caseId)
          }
          expect(await listed(world.home), `${role} at home`).toBe(
            role === 'ORDERER' || seesOthers(visibility, role),
          )
          expect(await listed(world.other), `${role} elsewhere`).toBe(false)
        }
      })
    })
  }

  it('shows a person who belongs to two organisations only the active one’s cases', async () => {
    await db.prisma.organization.update({
      where: { id: world.home.organization.id },
      data: { caseVisibility: 'REPORTER_ONLY' },
    })
    const admin = world.home.members.find((m) => m.membership.roles.includes('ADMIN'))
    if (!admin) throw new Error('no administrator')
    await db.prisma.membership.create({
      data: { userId: admin.user.id, organizationId: world.other.organization.id, roles: ['CONTACT'] },
    })
    const elsewhere = callerFor(db, { ...actorFor(world.other, 'CONTACT', world), userId: admin.user.id })
    const made = await elsewhere.case.create({
      area: 'IT',
      subject: 'I den andra organisationen',
      message: 'Hej',
      idempotencyKey: randomUUID(),
    })
    const home = callerFor(db, actorFor(world.home, 'ADMIN', world))
    expect((await home.case.list({})).rows.some((row) => row.id === made.caseId)).toBe(false)
    expect(await codeOf(home.case.get({ caseId: made.caseId }))).toBe('NOT_FOUND')
  })
})
