/**
 * Bad input gets a clear answer and never a 500: every procedure of the app router, called by someone
 * allowed to call it, with arbitrary values as input, answers with a client error (or succeeds) — never
 * INTERNAL_SERVER_ERROR.
 */
import type { Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { ROLES } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from './root.ts'
import { actorFor, callerFor, createWorld, procedureAt, type World } from './testing/world.ts'

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

const procedures = Object.keys(appRouter._def.procedures).sort()

/** A member whose role passes the procedure's rung, found by asking: the first that isn't refused. */
async function allowedActor(path: string) {
  for (const role of ROLES) {
    const org = role.startsWith('PROVIDER_') ? world.provider : world.home
    const caller = callerFor(db, actorFor(org, role, world))
    const error = await procedureAt(
      caller,
      path,
    )(Symbol('not an input')).then(
      () => null,
      (e: unknown) => e,
    )
    if (!(error instanceof TRPCError) || (error.code !== 'FORBIDDEN' && error.code !== 'UNAUTHORIZED')) {
      return actorFor(org, role, world)
    }
  }
  throw new Error(`no role may call ${path}`)
}

describe('arbitrary input', () => {
  for (const path of procedures) {
    it(`${path}: answers garbage with a client error, never a 500`, async () => {
      const actor = await allowedActor(path)
      const call = procedureAt(callerFor(db, actor), path)
      await fc.assert(
        fc.asyncProperty(
          fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
          async (input) => {
            const error = await call(input).then(
              () => null,
              (e: unknown) => e,
            )
            if (error === null) return
            expect(error).toBeInstanceOf(TRPCError)
            expect((error as TRPCError).code, String((error as Error).message)).not.toBe(
              'INTERNAL_SERVER_ERROR',
            )
          },
        ),
        { numRuns: 40 },
      )
    })
  }
})
