import type { Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Context } from './context.ts'
import {
  actorFor,
  codeOf,
  createWorld,
  failureOf,
  testContext,
  testRequest,
  type World,
} from './testing/world.ts'
import {
  authedProcedure,
  createCallerFactory,
  demoProcedure,
  memberProcedure,
  providerProcedure,
  publicProcedure,
  router,
  UNEXPECTED_ERROR_MESSAGE,
  UNREADABLE_REQUEST_MESSAGE,
} from './trpc.ts'

// A router with one procedure per rung, to prove what each rung lets through.
const ladder = router({
  open: publicProcedure.query(() => 'open'),
  duplicate: publicProcedure.mutation(async ({ ctx }) => {
    const { orgNumber } = world.home.organization
    await ctx.db.prisma.organization.create({ data: { orgNumber, name: 'Samma nummer AB' } })
  }),
  echo: publicProcedure.input(z.object({ n: z.number() })).query(({ input }) => input.n),
  own: authedProcedure.query(({ ctx }) => ctx.actor.userId),
  manageMembers: memberProcedure('member.manage').query(({ ctx }) => ctx.organizationId),
  review: providerProcedure('provider.review').query(({ ctx }) => ctx.organizationId),
  mailbox: demoProcedure.query(() => 'mailbox'),
  broken: publicProcedure.query(() => {
    throw new Error('invalid byte sequence for encoding "UTF8": 0x00 at prisma.user.findFirst()')
  }),
})
const call = (db: Db, actor: Context['actor'], demoMode = true) =>
  createCallerFactory(ladder)(testContext(db, actor, { demoMode }))

let db: Db
let world: World
beforeAll(async () => {
  db = await createTestDb()
  world = await createWorld(db)
})
afterAll(async () => {
  await db.close()
})

describe('procedure ladder', () => {
  it('lets anyone through the public rung', async () => {
    expect(await call(db, null).open()).toBe('open')
  })

  it('refuses anonymous callers on every other rung with UNAUTHORIZED', async () => {
    expect(await codeOf(call(db, null).own())).toBe('UNAUTHORIZED')
    expect(await codeOf(call(db, null).manageMembers())).toBe('UNAUTHORIZED')
    expect(await codeOf(call(db, null).review())).toBe('UNAUTHORIZED')
  })

  it('scopes the member rung to the active organisation and the role’s permissions', async () => {
    const admin = actorFor(world.home, 'ADMIN')
    expect(await call(db, admin).manageMembers()).toBe(world.home.organization.id)
    expect(await codeOf(call(db, actorFor(world.home, 'ORDERER')).manageMembers())).toBe('FORBIDDEN')
    expect(await codeOf(call(db, { ...admin, organizationId: null, role: null }).manageMembers())).toBe(
      'FORBIDDEN',
    )
  })

  it('keeps provider staff and customers on their own rungs', async () => {
    const reviewer = actorFor(world.provider, 'PROVIDER_REVIEWER')
    expect(await call(db, reviewer).review()).toBe(world.provider.organization.id)
    expect(await codeOf(call(db, reviewer).manageMembers())).toBe('FORBIDDEN')
    expect(await codeOf(call(db, actorFor(world.home, 'ADMIN')).review())).toBe('FORBIDDEN')
    expect(await codeOf(call(db, actorFor(world.provider, 'PROVIDER_SUPPORT')).review())).toBe('FORBIDDEN')
  })

  it('opens the development mailbox only to callers on this machine', async () => {
    const remote = createCallerFactory(ladder)(
      testContext(db, null, { request: testRequest({ fromLoopback: false, clientAddress: '127.0.0.1' }) }),
    )
    expect(await codeOf(remote.mailbox())).toBe('FORBIDDEN')
    expect(await call(db, null).mailbox()).toBe('mailbox')
  })

  it('hides demo-only procedures outside demo mode', async () => {
    expect(await call(db, null, true).mailbox()).toBe('mailbox')
    expect(await codeOf(call(db, null, false).mailbox())).toBe('NOT_FOUND')
  })
})

describe('a write a unique constraint refuses', () => {
  it('is a conflict the person can resolve, not a server error', async () => {
    const error = await failureOf(call(db, null).duplicate())
    expect(error.code).toBe('CONFLICT')
    expect(error.appCode).toBe('ALREADY_EXISTS')
  })
})

describe('answers to unexpected errors', () => {
  it('carry a general message and the request id, never the error itself or a stack trace', async () => {
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://portal.test/api/trpc/broken'),
      router: ladder,
      createContext: () => testContext(db, null, { request: testRequest({ requestId: 'req-4711' }) }),
    })
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toMatch(/prisma|UTF8|0x00|stack|\.ts:\d+/i)
    const { error } = JSON.parse(text) as {
      error: { message: string; data: Record<string, unknown> }
    }
    expect(error.message).toBe(UNEXPECTED_ERROR_MESSAGE)
    expect(error.data).toMatchObject({ requestId: 'req-4711', code: 'INTERNAL_SERVER_ERROR' })
    expect(error.data).not.toHaveProperty('stack')
  })
})

describe('answers to requests tRPC cannot read', () => {
  it("say so in our words, not a parser library's", async () => {
    const answer = async (req: Request) => {
      const response = await fetchRequestHandler({
        endpoint: '/api/trpc',
        req,
        router: ladder,
        createContext: () => testContext(db, null),
      })
      return { status: response.status, text: await response.text() }
    }
    const broken = [
      new Request('http://portal.test/api/trpc/echo?input=%7B', {}),
      new Request(`http://portal.test/api/trpc/echo?input=${encodeURIComponent('{"n":1')}`),
    ]
    for (const req of broken) {
      const { status, text } = await answer(req)
      expect(status).toBe(400)
      const { error } = JSON.parse(text) as { error: { message: string } }
      expect(error.message).toBe(UNREADABLE_REQUEST_MESSAGE)
      expect(text).not.toMatch(/deserialize|github|Unexpected end|JSON at position/i)
    }
  })
})
