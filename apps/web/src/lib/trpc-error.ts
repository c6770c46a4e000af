import type { TFunction } from 'i18next'
import { svWithPage } from '../i18n/sv.ts'

/**
 * What the server said when it refused a call: its codes, details and field messages, and its message in
 * the page's language. Forms put the field messages next to their fields through `form.ts`.
 */

/** What this module reads of tRPC's TRPCClientError. */
interface ClientError extends Error {
  data?: unknown
  meta?: { response?: unknown; responseJSON?: unknown }
}

/** tRPC's TRPCClientError, known by the name it sets: reading an error needs no tRPC code (api.ts). */
function clientError(error: unknown): ClientError | null {
  return error instanceof Error && error.name === 'TRPCClientError' ? error : null
}

function errorData(error: unknown): Record<string, unknown> | null {
  const data: unknown = clientError(error)?.data
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : null
}

/** The tRPC error code (`NOT_FOUND`, `FORBIDDEN`, …) an error carries, if it came from the server. */
export function trpcErrorCode(error: unknown): string | null {
  const code = errorData(error)?.code
  return typeof code === 'string' ? code : null
}

/** The HTTP status the server answered with, if the error came from the server. */
export function trpcHttpStatus(error: unknown): number | null {
  const status = errorData(error)?.httpStatus
  return typeof status === 'number' ? status : null
}

/** Kundnav's own error code (`ROLE_CHANGED`, `LINK_EXPIRED`, …), set by the server's AppError. */
export function trpcAppCode(error: unknown): string | null {
  const appCode = errorData(error)?.appCode
  return typeof appCode === 'string' ? appCode : null
}

/** What an AppError adds to its message (`{ waitSeconds: 30 }`, `{ attemptsLeft: 4 }`), or an empty object. */
export function trpcErrorDetails(error: unknown): Record<string, unknown> {
  const details = errorData(error)?.details
  return details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : {}
}

/** The server's messages per form field (`{ password: ['…'] }`), from zod or from an AppError's field. */
export function trpcFieldErrors(error: unknown): Record<string, string[]> {
  const fieldErrors = errorData(error)?.fieldErrors
  if (fieldErrors === null || typeof fieldErrors !== 'object') return {}
  const result: Record<string, string[]> = {}
  for (const [field, messages] of Object.entries(fieldErrors as Record<string, unknown>)) {
    if (Array.isArray(messages)) result[field] = messages.filter((m): m is string => typeof m === 'string')
  }
  return result
}

/**
 * The id the server gave the request that failed (logged with every detail of the failure): tRPC errors
 * carry it as `data.requestId`; the server's answers outside tRPC (a generic 500, a 413) in their JSON; and
 * any answer in its X-Request-Id header, which a server error falls back to (one that struck before tRPC
 * could name the request).
 */
export function trpcRequestId(error: unknown): string | null {
  const fromData = errorData(error)?.requestId
  if (typeof fromData === 'string' && fromData !== '') return fromData
  const meta = clientError(error)?.meta
  if (!meta) return null
  const json: unknown = meta.responseJSON
  const fromBody =
    json !== null && typeof json === 'object' ? (json as Record<string, unknown>).requestId : null
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody
  const response: unknown = meta.response
  if (!(response instanceof Response) || response.status < 500) return null
  return response.headers.get('x-request-id') || null
}

/**
 * "Ange felkod <id> om du kontaktar supporten." for an error whose request the server named; null for
 * any other (a network error, a page that broke in the browser). Shown wherever an unexpected server
 * error is, so support can find the request in the log.
 */
export function errorCodeMessage(t: TFunction, error: unknown): string | null {
  const code = trpcRequestId(error)
  return code ? t('common.errorCode', { code }) : null
}

/** The server's own message (a Swedish sentence meant for people), if the error came from the server. */
export function trpcMessage(error: unknown): string | null {
  return clientError(error)?.message || null
}

type KnownAppCode = keyof typeof svWithPage.apiErrors

function isKnownAppCode(code: string): code is KnownAppCode {
  return Object.hasOwn(svWithPage.apiErrors, code)
}

/**
 * What the server's AppError says, in the page's language: the app's own text (`apiErrors.*`) for a code
 * it knows, else the server's Swedish message. Null when the error carries no appCode (a network error, a
 * bare FORBIDDEN): the page then says what it always says when something fails.
 */
export function appErrorMessage(t: TFunction, error: unknown): string | null {
  const code = trpcAppCode(error)
  if (!code) return null
  return isKnownAppCode(code) ? t(`apiErrors.${code}`) : trpcMessage(error)
}
