/**
 * Bad input gets a clear answer and never a 500: every procedure of the app router, called by someone
 * allowed to call it, with arbitrary values as input (strings of any code units: NUL, control characters,
 * lone surrogates), answers with a client error (or succeeds) — never INTERNAL_SERVER_ERROR. And every
 * string field of a valid input, given a character the shared text schema refuses, is refused with
 * BAD_REQUEST and a message for that field.
 */
import type { Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { ROLES } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from './root.ts'
import { PROCEDURE_ROWS } from './testing/procedure-rows.ts'
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

/** A member (at home, at the agent, in the provider) whose role passes the rung: the first not refused. */
async function allowedActor(path: string) {
  const candidates = ROLES.flatMap((role) =>
    role.startsWith('PROVIDER_')
      ? [[world.provider, role] as const]
      : [[world.home, role] as const, [world.agent, role] as const],
  )
  for (const [org, role] of candidates) {
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
          fc.anything({
            withDate: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            stringUnit: 'binary',
          }),
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

/** Characters no single-line text field accepts. */
const REFUSED = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\n',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udfff',
  '\u2028',
)

/** Every path to a string in a valid input. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]))
  return []
}

function withStringAt(value: unknown, path: (string | number)[], text: string): unknown {
  if (path.length === 0) return text
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }
  ;(copy as Record<string | number, unknown>)[head] = withStringAt(
    (value as Record<string | number, unknown>)[head],
    rest,
    text,
  )
  return copy
}

describe('control characters in every text field', () => {
  it('are refused with BAD_REQUEST in every string field of every procedure', async () => {
    const tested: string[] = []
    for (const path of procedures) {
      const row = PROCEDURE_ROWS[path]
      if (!row) continue
      for (const valid of [row.input(world), row.fullInput?.(world)]) {
        const fields = stringPaths(valid)
        if (fields.length === 0) continue
        tested.push(path)
        const call = procedureAt(callerFor(db, await allowedActor(path)), path)
        const multiline = (field: (string | number)[]) =>
          (row.multiline ?? []).some((pattern) => {
            const parts = pattern.split('.')
            return (
              parts.length === field.length &&
              parts.every((part, i) => part === '*' || part === String(field[i]))
            )
          })
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...fields), REFUSED, fc.nat(), async (field, refused, at) => {
            // A line break is text in a multi-line field; any other control character is refused there too.
            const bad = /^[\n\u2028]$/.test(refused) && multiline(field) ? '\u0000' : refused
            const original = String(
              field.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], valid),
            )
            const position = at % (original.length + 1)
            const input = withStringAt(
              valid,
              field,
              original.slice(0, position) + bad + original.slice(position),
            )
            const error = await call(input).then(
              () => null,
              (e: unknown) => e,
            )
            const what = `${path} ${field.join('.')} with ${JSON.stringify(bad)}`
            expect(error, what).toBeInstanceOf(TRPCError)
            expect((error as TRPCError).code, what).toBe('BAD_REQUEST')
          }),
          { numRuns: 25 },
        )
      }
    }
    // The text inputs of sign-in, reset, members, case officers, support and the mailbox at least.
    expect(tested.length).toBeGreaterThan(10)
  })
})
