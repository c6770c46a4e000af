import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * The largest request body the API reads. The largest legitimate tRPC input (a form) is a few kilobytes;
 * file uploads will get a route of their own with its own limit.
 */
export const MAX_BODY_BYTES = 100 * 1024

/** The most calls one tRPC batch may carry; the SPA's batch link sends at most as many (lib/trpc.ts). */
export const MAX_BATCH_SIZE = 10

/**
 * Refuses a body over MAX_BODY_BYTES with 413: at once when Content-Length says so, else as soon as a
 * streamed (chunked) body passes the limit — never after reading or parsing the whole of it.
 */
export function apiBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is not worth reading: the client may stop sending.
      c.header('Connection', 'close')
      return c.json(
        { error: `The request body is larger than ${MAX_BODY_BYTES} bytes.`, requestId: c.get('requestId') },
        413,
      )
    },
  })
}
