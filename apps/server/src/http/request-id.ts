import { randomUUID } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'

export type RequestIdVariables = { requestId: string }

export const REQUEST_ID_HEADER = 'X-Request-Id'

/**
 * Gives every request an id of its own, echoed as X-Request-Id: the logs name it, and an unexpected
 * error shows it to the person as the error code to give support. An X-Request-Id the client sends is
 * ignored — an id someone else chose could point support at the wrong log lines.
 */
export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async (c, next) => {
    const id = randomUUID()
    c.set('requestId', id)
    await next()
    setResponseHeader(c, REQUEST_ID_HEADER, id)
  }
}

/** Sets a header on the answer, copying it first if its headers are immutable (e.g. Response.redirect). */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value)
  } catch {
    const copy = new Response(c.res.body, c.res)
    copy.headers.set(name, value)
    c.res = copy
  }
}
