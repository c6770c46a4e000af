/**
 * The tenant matrix: every procedure of the app router has a row here declaring its rung and the inputs
 * that point at another organisation's records. For each row the test proves anonymous callers get
 * UNAUTHORIZED (except on public rungs), a member of another organisation gets FORBIDDEN or NOT_FOUND,
 * and a member without the permission gets FORBIDDEN. A procedure without a row fails the test.
 */
import type { Db, Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { can, isProviderRole, type Permission, ROLES } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionActor } from './context.ts'
import { appRouter } from './root.ts'
import { actorFor, callerFor, codeOf, createWorld, procedureAt, type World } from './testing/world.ts'

type Rung =
  | { rung: 'public' }
  | { rung: 'demo' }
  | { rung: 'authed' }
  | { rung: 'member'; permission: Permission }
  | { rung: 'provider'; permission: Permission }

type Row = Rung & {
  /** An input aimed at `world.home`'s records, or any valid input when the procedure takes no ids. */
  input: (world: World) => unknown
  /**
   * What a caller from another organisation meets: `refused` (FORBIDDEN or NOT_FOUND: the input names
   * records not theirs) or `scoped` (the call acts on the caller's own organisation or own things, and
   * its answer holds nothing of `world.home`'s).
   */
  otherOrganization: 'refused' | 'scoped'
}

const homeMember = (world: World, role: Role) => {
  const member = world.home.members.find((m) => m.membership.roles.includes(role))
  if (!member) throw new Error(`no ${role} at home`)
  return member
}
const newPerson = () => {
  const suffix = Math.random().toString(36).slice(2, 10)
  return { name: 'Ny Person', email: `ny-${suffix}@test.example`, username: `ny-${suffix}@test.example` }
}

const MATRIX: Record<string, Row> = {
  'portal.info': { rung: 'public', input: () => undefined, otherOrganization: 'scoped' },
  'devMailbox.list': { rung: 'demo', input: () => ({}), otherOrganization: 'scoped' },
  'auth.requestPasswordReset': {
    rung: 'public',
    input: (w) => ({ username: homeMember(w, 'ORDERER').user.username }),
    otherOrganization: 'scoped',
  },
  'auth.checkPasswordLink': {
    rung: 'public',
    input: () => ({ token: 'x'.repeat(43) }),
    otherOrganization: 'refused',
  },
  'auth.setPassword': {
    rung: 'public',
    input: () => ({ token: 'x'.repeat(43), password: 'ett långt nytt lösenord' }),
    otherOrganization: 'refused',
  },
  'session.get': { rung: 'public', input: () => undefined, otherOrganization: 'scoped' },
  'session.choose': {
    rung: 'authed',
    input: (w) => ({ organizationId: w.home.organization.id, role: 'ADMIN' }),
    otherOrganization: 'refused',
  },
  'session.keepAlive': { rung: 'authed', input: () => undefined, otherOrganization: 'scoped' },
  'session.list': { rung: 'authed', input: () => undefined, otherOrganization: 'scoped' },
  'session.end': {
    rung: 'authed',
    input: (w) => ({ sessionId: w.sessions.get(homeMember(w, 'ADMIN').user.id) }),
    otherOrganization: 'refused',
  },
  'me.get': { rung: 'authed', input: () => undefined, otherOrganization: 'scoped' },
  'me.update': {
    rung: 'authed',
    input: () => ({ name: 'Nytt Namn', mobile: null }),
    otherOrganization: 'scoped',
  },
  'me.changePassword': {
    rung: 'authed',
    input: () => ({ currentPassword: 'fel lösenord', newPassword: 'ett långt nytt lösenord' }),
    otherOrganization: 'scoped',
  },
  'member.list': {
    rung: 'member',
    permission: 'member.read',
    input: () => ({}),
    otherOrganization: 'scoped',
  },
  'member.add': {
    rung: 'member',
    permission: 'member.manage',
    input: () => ({ ...newPerson(), roles: ['ORDERER'] }),
    otherOrganization: 'scoped',
  },
  'member.setRoles': {
    rung: 'member',
    permission: 'member.manage',
    input: (w) => ({ membershipId: homeMember(w, 'ORDERER').membership.id, roles: ['ORDERER'] }),
    otherOrganization: 'refused',
  },
  'member.remove': {
    rung: 'member',
    permission: 'member.manage',
    input: (w) => ({ membershipId: homeMember(w, 'CONTACT').membership.id }),
    otherOrganization: 'refused',
  },
  'member.resendInvitation': {
    rung: 'member',
    permission: 'member.manage',
    input: (w) => ({ membershipId: homeMember(w, 'SIGNATORY').membership.id }),
    otherOrganization: 'refused',
  },
  'audit.list': { rung: 'member', permission: 'audit.read', input: () => ({}), otherOrganization: 'scoped' },
  'caseOfficer.list': {
    rung: 'member',
    permission: 'caseOfficer.manage',
    input: () => undefined,
    otherOrganization: 'scoped',
  },
  'caseOfficer.add': {
    rung: 'member',
    permission: 'caseOfficer.manage',
    input: () => ({ kind: 'internal', ...newPerson() }),
    otherOrganization: 'scoped',
  },
  'caseOfficer.remove': {
    rung: 'member',
    permission: 'caseOfficer.manage',
    input: (w) => ({ membershipId: homeMember(w, 'CASE_OFFICER').membership.id }),
    otherOrganization: 'refused',
  },
  'support.organizations': {
    rung: 'provider',
    permission: 'provider.support',
    input: () => ({ search: '' }),
    otherOrganization: 'refused',
  },
  'support.members': {
    rung: 'provider',
    permission: 'provider.support',
    input: (w) => ({ organizationId: w.home.organization.id }),
    otherOrganization: 'refused',
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
  },
}

const procedures = Object.keys(appRouter._def.procedures).sort()
const CUSTOMER_ROLES = ROLES.filter((role) => !isProviderRole(role))

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

describe('tenant matrix', () => {
  it('has a row for every procedure of the app router, and none for procedures that are gone', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(procedures)
  })

  for (const path of procedures) {
    const row = MATRIX[path]
    if (!row) continue
    const call = (actor: SessionActor | null, demoMode = true) =>
      procedureAt(callerFor(db, actor, demoMode), path)(row.input(world))

    /** Nothing of the home organisation may show in what another organisation's member gets back. */
    const assertNoHomeData = (result: unknown) => {
      const text = JSON.stringify(result ?? null)
      for (const { user, membership } of world.home.members) {
        expect(text).not.toContain(user.email)
        expect(text).not.toContain(membership.id)
      }
      expect(text).not.toContain(world.home.organization.id)
    }

    if (row.rung === 'public' || row.rung === 'demo') {
      it(`${path}: is open to anonymous callers (${row.rung}) and gives them nothing of an organisation's`, async () => {
        const code = await codeOf(call(null))
        if (row.otherOrganization === 'refused')
          expect(['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN']).toContain(code)
        else expect(code).toBe('OK')
        if (code === 'OK') assertNoHomeData(await call(null))
      })
      if (row.rung === 'demo') {
        it(`${path}: does not exist outside demo mode`, async () => {
          expect(await codeOf(call(null, false))).toBe('NOT_FOUND')
        })
      }
      continue
    }

    it(`${path}: refuses anonymous callers`, async () => {
      expect(await codeOf(call(null))).toBe('UNAUTHORIZED')
    })

    const permission = row.rung === 'member' || row.rung === 'provider' ? row.permission : null
    const intruderRoles = CUSTOMER_ROLES.filter((role) => !permission || can(role, permission))

    // Provider rungs have no "other organisation" holding the permission: the role test below covers customers.
    if (intruderRoles.length > 0)
      it(`${path}: gives another organisation's member ${permission ?? 'signed in'} nothing of this one`, async () => {
        for (const role of intruderRoles) {
          const actor = actorFor(world.other, role, world)
          if (row.otherOrganization === 'refused') {
            expect(['FORBIDDEN', 'NOT_FOUND'], `${role} of another organisation`).toContain(
              await codeOf(call(actor)),
            )
          } else {
            const result = await call(actor).catch((error: unknown) => error)
            if (result instanceof TRPCError) {
              expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'], `${role}: ${result.message}`).toContain(
                result.code,
              )
            } else assertNoHomeData(result)
          }
        }
      })

    if (permission) {
      it(`${path}: refuses every role without ${permission}`, async () => {
        for (const role of ROLES.filter((r) => !can(r, permission))) {
          const org = isProviderRole(role) ? world.provider : world.home
          expect(await codeOf(call(actorFor(org, role as Role, world))), role).toBe('FORBIDDEN')
        }
      })
    }
  }
})
