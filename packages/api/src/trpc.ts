import { can, isProviderRole, type Permission } from '@kundnav/schemas'
import { initTRPC, TRPCError } from '@trpc/server'
import { ZodError, z } from 'zod'
import type { Context, SessionActor } from './context.ts'
import { AppError } from './errors.ts'

/** What a person sees of an error we did not expect; the details stay in the log, under the request id. */
export const UNEXPECTED_ERROR_MESSAGE = 'Något gick fel hos oss. Försök igen om en stund.'

/** What a request tRPC itself could not read (bad JSON, a too large batch) is told. */
export const UNREADABLE_REQUEST_MESSAGE = 'Begäran kunde inte läsas. Ladda om sidan och försök igen.'

// No transformer: answers are plain JSON (dates as ISO strings, read back by zDate), so nothing walks
// every answer a second time to encode it (docs/decisions/0010-plain-json-over-trpc.md).
const t = initTRPC.context<Context>().create({
  // Never a stack trace in an answer, whatever NODE_ENV says.
  isDev: false,
  // Subscriptions (live updates) over server-sent events: a ping comment every 15 s keeps proxies from
  // closing a quiet stream, and a client that hears nothing for 45 s (a dead connection) connects again.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 45_000 } },
  errorFormatter({ shape, error, ctx }) {
    const unexpected = error.code === 'INTERNAL_SERVER_ERROR'
    const zodError = !unexpected && error.cause instanceof ZodError ? error.cause : null
    // tRPC's own refusals of what it could not parse carry a library's words (a JSON parser's).
    const unreadable =
      !(error instanceof AppError) &&
      !zodError &&
      (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR')
    return {
      ...shape,
      // An unexpected error's message may be a database's or a library's: it is logged, not shown.
      message: unexpected
        ? UNEXPECTED_ERROR_MESSAGE
        : unreadable
          ? UNREADABLE_REQUEST_MESSAGE
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.request.requestId ?? null,
        appCode: error instanceof AppError ? error.appCode : null,
        details: error instanceof AppError ? error.details : null,
        fieldErrors: zodError
          ? z.flattenError(zodError).fieldErrors
          : error instanceof AppError && error.field
            ? { [error.field]: [error.message] }
            : null,
      },
    }
  },
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/** The procedure ladder: every procedure is built from exactly one of these rungs. */

/** Prisma's code for a unique constraint that refused a write. */
const UNIQUE_VIOLATION = 'P2002'

/**
 * Under every rung: a write a unique constraint refused — two identical requests racing, a stale tab — is
 * the person's conflict to resolve, not a server error. Mapped here, once, for every procedure.
 */
const base = t.procedure.use(async ({ next }) => {
  const result = await next()
  if (!result.ok && (result.error.cause as { code?: unknown } | undefined)?.code === UNIQUE_VIOLATION) {
    throw new AppError(
      'CONFLICT',
      'ALREADY_EXISTS',
      'Det du försökte spara finns redan, kanske från en annan flik. Ladda om sidan och se efter.',
    )
  }
  return result
})

/** Anyone, signed in or not. */
export const publicProcedure = base

/** A signed-in person acting on their own things. */
export const authedProcedure = base.use(({ ctx, next }) => {
  const { actor } = ctx
  if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Du behöver logga in.' })
  // A tab still showing another role must not act as the one chosen elsewhere.
  const shown = ctx.request.shownPair
  if (shown && shown !== 'none' && shown !== pairKey(actor)) {
    throw new AppError(
      'CONFLICT',
      'ROLE_CHANGED',
      'Du har bytt roll i en annan flik. Sidan laddas om med den roll du valde.',
    )
  }
  return next({ ctx: { ...ctx, actor } })
})

/** How the SPA names the pair it shows: `<organisationId>:<role>`, or "none". */
export function pairKey(actor: Pick<SessionActor, 'organizationId' | 'role'>): string {
  return actor.organizationId && actor.role ? `${actor.organizationId}:${actor.role}` : 'none'
}

function refuse(): never {
  throw new TRPCError({ code: 'FORBIDDEN', message: 'Din roll får inte göra detta.' })
}

/** A member acting in their active customer organisation, with a role that has `permission`. */
export function memberProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    const { organizationId, organizationType, role } = ctx.actor
    if (!organizationId || organizationType !== 'CUSTOMER' || !can(role, permission)) refuse()
    return next({ ctx: { ...ctx, organizationId, role: role as NonNullable<typeof role> } })
  })
}

/** Provider staff (active organisation: the provider) acting on customers' records. */
export function providerProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    const { organizationId, organizationType, role } = ctx.actor
    if (!organizationId || organizationType !== 'PROVIDER' || !can(role, permission)) refuse()
    return next({ ctx: { ...ctx, organizationId, role: role as NonNullable<typeof role> } })
  })
}

/**
 * An agent's member acting on other organisations' records through the agent relation (orders naming the
 * agent): a customer organisation with the agent capability, a role with `permission`. What they reach is
 * scoped to records naming their organisation (services/order-chain.ts), never the customer's others.
 */
export function agentProcedure(permission: Permission) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const { organizationId, organizationType, role } = ctx.actor
    if (!organizationId || organizationType !== 'CUSTOMER' || !can(role, permission)) refuse()
    const organization = await ctx.db.prisma.organization.findUnique({
      where: { id: organizationId },
      select: { isAgent: true },
    })
    if (!organization?.isAgent) refuse()
    return next({ ctx: { ...ctx, organizationId, role: role as NonNullable<typeof role> } })
  })
}

/**
 * A member of any party to a shared record — the ordering organisation, its agent, the provider — with a
 * role of their organisation's kind that has `permission`. Which records they reach is decided in one
 * place per record kind (`orderScope` for orders).
 */
export function partyProcedure(permission: Permission) {
  return authedProcedure.use(({ ctx, next }) => {
    const { organizationId, organizationType, role } = ctx.actor
    if (!organizationId || !organizationType || !role || !can(role, permission)) refuse()
    if (isProviderRole(role) !== (organizationType === 'PROVIDER')) refuse()
    return next({ ctx: { ...ctx, organizationId, role } })
  })
}

/**
 * Only in demo mode (the development mailbox) and only for callers on this machine; in production the
 * procedure does not exist.
 */
export const demoProcedure = base.use(({ ctx, next }) => {
  if (!ctx.demoMode) throw new TRPCError({ code: 'NOT_FOUND', message: 'Finns bara i demoläge.' })
  if (!ctx.request.fromLoopback) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Finns bara för den som kör portalen på samma dator.' })
  }
  return next()
})
