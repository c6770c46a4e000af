import { TRPCClientError } from '@trpc/client'

/** The tRPC error code (`NOT_FOUND`, `FORBIDDEN`, …) an error carries, if it came from the server. */
export function trpcErrorCode(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null
  const data: unknown = error.data
  return data !== null && typeof data === 'object' && 'code' in data && typeof data.code === 'string'
    ? data.code
    : null
}

/** The HTTP status the server answered with, if the error came from the server. */
export function trpcHttpStatus(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null
  const data: unknown = error.data
  return data !== null &&
    typeof data === 'object' &&
    'httpStatus' in data &&
    typeof data.httpStatus === 'number'
    ? data.httpStatus
    : null
}
