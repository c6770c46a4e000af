/**
 * The tenant matrix: every procedure of the app router has a row here declaring its rung and the inputs
 * that point at another organisation's records. For each row the test proves anonymous callers get
 * UNAUTHORIZED (except on public rungs), a member of another organisation gets FORBIDDEN or NOT_FOUND,
 * and a member without the permission gets FORBIDDEN. A procedure without a row fails the test.
 */
import type { Db, Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { can, type Permission, ROLES } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from './root.ts'
import { actorFor, callerFor, createWorld, type World } from './testing/world.ts'

type Rung =
  | { rung: 'public' }
  | { rung: 'demo' }
  | { rung: 'authed' }
  | { rung: 'member'; permission: Permission }
  | { rung: 'provider'; permission: Permission }

type Row = Rung & {
  /** An input aimed at `world.other`'s records (or any valid input when the procedure takes no ids). */
  input: (world: World) => unknown
}

const MATRIX: Record<string, Row> = {
  'portal.info': { rung: 'public', input: () => undefined },
  'devMailbox.list': { rung: 'demo', input: () => ({}) },
}

type Procedure = (input: unknown) => Promise<unknown>

function procedureAt(caller: unknown, path: string): Procedure {
  let target = caller as Record<string, unknown>
  for (const key of path.split('.')) target = target[key] as Record<string, unknown>
  return target as unknown as Procedure
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'OK'
  } catch (error) {
    if (error instanceof TRPCError) return error.code
    throw error
  }
}

const procedures = Object.keys(appRouter._def.procedures).sort()

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

    if (row.rung === 'public' || row.rung === 'demo') {
      it(`${path}: answers anonymous callers (${row.rung})`, async () => {
        expect(await codeOf(procedureAt(callerFor(db, null), path)(row.input(world)))).toBe('OK')
      })
      if (row.rung === 'demo') {
        it(`${path}: does not exist outside demo mode`, async () => {
          const caller = callerFor(db, null, false)
          expect(await codeOf(procedureAt(caller, path)(row.input(world)))).toBe('NOT_FOUND')
        })
      }
      continue
    }

    it(`${path}: refuses anonymous callers`, async () => {
      expect(await codeOf(procedureAt(callerFor(db, null), path)(row.input(world)))).toBe('UNAUTHORIZED')
    })

    if (row.rung === 'member' || row.rung === 'provider') {
      const { permission } = row
      const home = row.rung === 'member' ? () => world.home : () => world.provider
      const allowed = ROLES.filter((role) => can(role, permission))
      const refused = ROLES.filter((role) => !can(role, permission))

      it(`${path}: refuses another organisation's member holding ${permission}`, async () => {
        for (const role of allowed.filter((r) => !r.startsWith('PROVIDER_'))) {
          const caller = callerFor(db, actorFor(world.other, role as Role))
          const code = await codeOf(procedureAt(caller, path)(row.input(world)))
          expect(['FORBIDDEN', 'NOT_FOUND'], `${role} of another organisation`).toContain(code)
        }
      })

      it(`${path}: refuses every role without ${permission}`, async () => {
        for (const role of refused) {
          const org = role.startsWith('PROVIDER_') ? world.provider : home()
          const caller = callerFor(db, actorFor(org, role as Role))
          expect(await codeOf(procedureAt(caller, path)(row.input(world))), role).toBe('FORBIDDEN')
        }
      })
    }
  }
})
