/**
 * The tenant matrix: every procedure of the app router has a row (testing/procedure-rows.ts) declaring
 * its rung, the inputs that point at another organisation's records and a positive control. For each row
 * the test proves that the right caller gets their own organisation's data (a procedure that refuses
 * everyone fails here), that anonymous callers get UNAUTHORIZED (except on public rungs), that a member
 * of another organisation gets FORBIDDEN, NOT_FOUND or nothing of this one, that every role without the
 * permission gets FORBIDDEN, and that the permission's roles held in the wrong kind of organisation (a
 * customer role in the provider, a provider role in a customer) get FORBIDDEN. A procedure without a
 * row fails the test.
 */
import type { Db, Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { can, isProviderRole, ROLES } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionActor } from './context.ts'
import { AppError } from './errors.ts'
import { appRouter } from './root.ts'
import { PROCEDURE_ROWS, type ProcedureRow } from './testing/procedure-rows.ts'
import {
  actorFor,
  callerFor,
  codeOf,
  createWorld,
  homeDataMarkers,
  procedureAt,
  type World,
} from './testing/world.ts'

const procedures = Object.keys(appRouter._def.procedures).sort()
/** "query", "mutation" or "subscription" (the procedures' record is keyed by dotted path at run time). */
const procedureType = (path: string): unknown => Reflect.get(appRouter._def.procedures, path)?._def.type
const CUSTOMER_ROLES = ROLES.filter((role) => !isProviderRole(role))
const PROVIDER_ROLES = ROLES.filter((role) => isProviderRole(role))

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

/** Who makes a row's allowed call: anonymous on public rungs, else a home (or provider) member. */
function allowedActor(row: ProcedureRow): SessionActor | null {
  if (row.rung === 'public' || row.rung === 'demo') {
    return row.allowed.as ? actorFor(world.home, row.allowed.as, world) : null
  }
  if (row.rung === 'authed') return actorFor(world.home, row.allowed.as ?? 'ADMIN', world)
  const { permission } = row
  const providerSide =
    row.rung === 'provider' || (row.rung === 'party' && row.allowed.as && isProviderRole(row.allowed.as))
  const org = providerSide ? world.provider : row.rung === 'agent' ? world.agent : world.home
  const candidates = providerSide ? PROVIDER_ROLES : CUSTOMER_ROLES
  const role = row.allowed.as ?? candidates.find((r) => can(r, permission))
  if (!role) throw new Error(`no ${row.rung} role holds ${permission}`)
  return actorFor(org, role, world)
}

describe('tenant matrix', () => {
  it('has a row for every procedure of the app router, and none for procedures that are gone', () => {
    expect(Object.keys(PROCEDURE_ROWS).sort()).toEqual(procedures)
  })

  for (const path of procedures) {
    const row = PROCEDURE_ROWS[path]
    if (!row) continue
    const call = (actor: SessionActor | null, input: unknown = row.input(world), demoMode = true) =>
      procedureAt(callerFor(db, actor, demoMode), path)(input)

    /** Nothing of the home organisation may show in what a caller from elsewhere gets back. */
    const assertNoHomeData = (result: unknown) => {
      const text = JSON.stringify(result ?? null)
      for (const marker of homeDataMarkers(world)) expect(text).not.toContain(marker)
    }

    it(`${path}: gives the right caller their own organisation's data (positive control)`, async () => {
      const input = row.allowed.input ? await row.allowed.input(world, db) : row.input(world)
      const result = await call(allowedActor(row), input).catch((error: unknown) => error)
      if (row.allowed.outcome) {
        expect(result, 'the answer').toBeInstanceOf(AppError)
        expect((result as AppError).appCode).toBe(row.allowed.outcome)
        return
      }
      if (result instanceof Error) throw result
      // A subscription answers with its stream (not started): the right caller must get one.
      if (procedureType(path) === 'subscription')
        expect(typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator], 'the stream').toBe('function')
      const text = JSON.stringify(result ?? null)
      for (const marker of row.allowed.shows?.(world) ?? []) expect(text).toContain(marker)
      if (row.allowed.changed)
        expect(await row.allowed.changed(world, db, input), 'the change at home').toBe(true)
    })

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
          expect(await codeOf(call(null, row.input(world), false))).toBe('NOT_FOUND')
        })
      }
      continue
    }

    it(`${path}: refuses anonymous callers`, async () => {
      expect(await codeOf(call(null))).toBe('UNAUTHORIZED')
    })

    const permission = 'permission' in row ? row.permission : null
    // Customer roles that could reach the procedure from their own organisation.
    const intruderRoles = CUSTOMER_ROLES.filter((role) => !permission || can(role, permission))

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
      it(`${path}: refuses every role without ${permission}, customer and provider alike`, async () => {
        for (const role of ROLES.filter((r) => !can(r, permission))) {
          const org = isProviderRole(role) ? world.provider : row.rung === 'agent' ? world.agent : world.home
          expect(await codeOf(call(actorFor(org, role as Role, world))), role).toBe('FORBIDDEN')
        }
      })

      it(`${path}: refuses ${permission} held in the wrong kind of organisation`, async () => {
        const customerRolesInProvider = CUSTOMER_ROLES.filter((r) => can(r, permission)).map(
          (r): [World['home'], Role] => [world.provider, r],
        )
        const providerRolesInCustomer = PROVIDER_ROLES.filter((r) => can(r, permission)).map(
          (r): [World['home'], Role] => [world.home, r],
        )
        const misplaced: [World['home'], Role][] =
          row.rung === 'member'
            ? customerRolesInProvider
            : row.rung === 'provider'
              ? providerRolesInCustomer
              : row.rung === 'party'
                ? [...customerRolesInProvider, ...providerRolesInCustomer]
                : // An agent's permission held in an organisation that is no agent, or in the provider.
                  [
                    ...customerRolesInProvider,
                    ...CUSTOMER_ROLES.filter((r) => can(r, permission)).map((r): [World['home'], Role] => [
                      world.home,
                      r,
                    ]),
                  ]
        expect(misplaced.length).toBeGreaterThan(0)
        for (const [org, role] of misplaced) {
          expect(await codeOf(call(actorFor(org, role, world))), `${role} in ${org.organization.name}`).toBe(
            'FORBIDDEN',
          )
        }
      })
    }
  }
})
