import { TRPCError } from '@trpc/server'

type AppErrorStatus =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'

/**
 * The one error services throw: `code` is a stable identifier the SPA translates, `message` a Swedish
 * sentence that tells the person what to do.
 */
export class AppError extends TRPCError {
  readonly appCode: string

  constructor(status: AppErrorStatus, appCode: string, message: string) {
    super({ code: status, message })
    this.appCode = appCode
  }
}
