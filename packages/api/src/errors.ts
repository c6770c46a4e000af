import { TRPCError } from '@trpc/server'

type AppErrorStatus =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED'

/**
 * The one error services throw: `appCode` is a stable identifier the SPA can act on, `message` a Swedish
 * sentence that tells the person what to do, `field` the form field it belongs to, if any.
 */
export class AppError extends TRPCError {
  readonly appCode: string
  readonly field: string | null
  readonly details: Record<string, unknown> | null

  constructor(
    status: AppErrorStatus,
    appCode: string,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super({ code: status, message })
    this.appCode = appCode
    this.field = options.field ?? null
    this.details = options.details ?? null
  }
}
