import { UNEXPECTED_ERROR_MESSAGE } from '@kundnav/api'
import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from '../logger.ts'
import type { RequestIdVariables } from './request-id.ts'

/**
 * Whatever throws outside tRPC's own handling (Auth.js's handler, a middleware, a static file) becomes a
 * generic JSON 500 carrying the request id: never a stack trace, a database's message or a library's.
 */
export function unexpectedError(logger: Logger): ErrorHandler<{ Variables: RequestIdVariables }> {
  return (error, c) => {
    const requestId = c.get('requestId') ?? null
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: error.message || 'Bad request', requestId }, error.status)
    }
    logger.error({ err: error, requestId, method: c.req.method, path: c.req.path }, 'unexpected error')
    return c.json({ error: UNEXPECTED_ERROR_MESSAGE, requestId }, 500)
  }
}
