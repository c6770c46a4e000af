import { AppError, type Context, createCaller, UNREADABLE_REQUEST_MESSAGE } from '@kundnav/api'
import { MAX_FILE_BYTES, MAX_FILES_PER_CASE } from '@kundnav/schemas'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { Handler, Context as HonoContext, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { RequestIdVariables } from './request-id.ts'

/*
 * Cases' files over HTTP (docs/decisions/0015-case-files.md): `POST /api/files` takes one file as
 * multipart/form-data (field `file`), `GET /api/files/:id` gives it back as an attachment. Both build the
 * tRPC context as /api/trpc does and call the caseFile procedures, so the ladder, the checks and the
 * errors are the procedures'; this file only turns HTTP into a call and the call's answer into HTTP.
 */

type Env = { Variables: RequestIdVariables }

export const FILES_PATH = '/api/files'

/** The largest upload body read: the largest file, and room for the multipart framing around it. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024

/** The tRPC context of this request, as /api/trpc makes it (app.ts). */
export type ContextOf = (c: HonoContext<Env>, request: Request, resHeaders: Headers) => Promise<Context>

/** What the SPA reads of a refusal: a sentence to show, and a code to act on. */
function refusal(c: HonoContext<Env>, status: ContentfulStatusCode, error: string, code: string) {
  return c.json({ error, code, requestId: c.get('requestId') }, status)
}

const TOO_LARGE_MESSAGE = `Filen är större än ${MAX_FILE_BYTES / 1024 / 1024} MB. Dela upp den eller minska den och försök igen.`

/**
 * The upload route's own body limit, in place of the API's 100 KB: too large is refused with 413 at once
 * when Content-Length says so, else as soon as a streamed body passes the limit — never read to its end.
 */
export function uploadBodyLimit(): MiddlewareHandler<Env> {
  return bodyLimit({
    maxSize: MAX_UPLOAD_BODY_BYTES,
    onError: (c) => {
      c.header('Connection', 'close')
      return refusal(c as HonoContext<Env>, 413, TOO_LARGE_MESSAGE, 'FILE_TOO_LARGE')
    },
  })
}

/**
 * A refusal of the procedures as JSON `{ error, code }` with its HTTP status. Unexpected errors are
 * thrown on, to the app's error handler: logged with the request id, answered with a generic 500.
 */
function answerError(c: HonoContext<Env>, error: unknown): Response {
  if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error
  if (error instanceof AppError) {
    // A file over the limit is the same refusal whether the body limit or the procedure caught it.
    const status = error.appCode === 'FILE_TOO_LARGE' ? 413 : getHTTPStatusCodeFromError(error)
    return refusal(c, status as ContentfulStatusCode, error.message, error.appCode)
  }
  // The ladder's refusals (UNAUTHORIZED, FORBIDDEN) carry Swedish messages; the input schema's do not.
  const message = error.code === 'BAD_REQUEST' ? UNREADABLE_REQUEST_MESSAGE : error.message
  return refusal(c, getHTTPStatusCodeFromError(error) as ContentfulStatusCode, message, error.code)
}

function copyHeaders(from: Headers, to: Response): Response {
  from.forEach((value, name) => {
    to.headers.append(name, value)
  })
  return to
}

/**
 * The most uploads one person may have on their way in at once (on this instance): the form sends every
 * chosen file at once, at most MAX_FILES_PER_CASE. Each is held in memory whole while it is read and
 * checked, so without a bound one account sending many in parallel could exhaust the server's memory —
 * refused or not, since the checks come after the reading.
 */
export const MAX_UPLOADS_IN_FLIGHT_PER_PERSON = MAX_FILES_PER_CASE

const BUSY_MESSAGE =
  'Du laddar upp många filer samtidigt. Vänta tills de som är på väg är klara och försök sedan igen.'

/**
 * `POST /api/files`: one file in the form field `file` → 201 `{ id, name, size, mediaType }`. Nothing of
 * the body is read before the session is known and the person has room for another upload in flight.
 */
export function uploadFile(contextOf: ContextOf): Handler<Env> {
  const inFlight = new Map<string, number>()
  const limit = uploadBodyLimit()
  return async (c) => {
    const resHeaders = new Headers()
    const ctx = await contextOf(c, c.req.raw, resHeaders)
    // Not authorisation (the procedure's rung decides that): an anonymous body is not worth parsing.
    const { actor } = ctx
    if (!actor) return refusal(c, 401, 'Du behöver logga in.', 'UNAUTHORIZED')
    const { userId } = actor
    const running = inFlight.get(userId) ?? 0
    if (running >= MAX_UPLOADS_IN_FLIGHT_PER_PERSON) {
      // The body is not read (Node discards what arrives of it, so the browser still reads this answer).
      c.header('Retry-After', '5')
      return refusal(c, 429, BUSY_MESSAGE, 'TOO_MANY_UPLOADS_AT_ONCE')
    }
    inFlight.set(userId, running + 1)
    try {
      // The body limit applies only now: it reads a chunked body whole, which no stranger may make us do.
      let answer: Response | undefined
      const tooLarge = await limit(c, async () => {
        answer = await readUpload(c, { ...ctx, actor }, resHeaders)
      })
      return tooLarge ?? answer ?? refusal(c, 400, UNREADABLE_REQUEST_MESSAGE, 'UPLOAD_UNREADABLE')
    } finally {
      const left = (inFlight.get(userId) ?? 1) - 1
      if (left > 0) inFlight.set(userId, left)
      else inFlight.delete(userId)
    }
  }
}

/** The upload's body read, checked and kept through the caseFile procedures, as an HTTP answer. */
async function readUpload(
  c: HonoContext<Env>,
  ctx: Context & { actor: NonNullable<Context['actor']> },
  resHeaders: Headers,
): Promise<Response> {
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
    return refusal(c, 400, 'Skicka filen som multipart/form-data i fältet "file".', 'UPLOAD_UNREADABLE')
  }
  let form: FormData
  try {
    form = await c.req.raw.formData()
  } catch {
    return refusal(c, 400, UNREADABLE_REQUEST_MESSAGE, 'UPLOAD_UNREADABLE')
  }
  const parts = form.getAll('file')
  const [file] = parts
  if (parts.length !== 1 || !(file instanceof File) || [...form.keys()].some((key) => key !== 'file')) {
    return refusal(c, 400, 'Skicka en fil i taget, i fältet "file".', 'UPLOAD_UNREADABLE')
  }
  const input = { name: file.name, content: new Uint8Array(await file.arrayBuffer()) }
  const caller = createCaller(ctx)
  try {
    const uploaded =
      ctx.actor.organizationType === 'PROVIDER'
        ? await caller.caseFile.supportUpload(input)
        : await caller.caseFile.upload(input)
    return copyHeaders(resHeaders, c.json(uploaded, 201))
  } catch (error) {
    return answerError(c, error)
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** RFC 8187's attr-char: what `filename*` may carry unencoded. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * `attachment`, always, with the name twice: UTF-8 in `filename*` (RFC 6266), and an ASCII stand-in in
 * `filename` for clients that know no better ("Lönebesked.pdf" → "Lonebesked.pdf").
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(name)}`
}

/**
 * `GET /api/files/:id`: the bytes, never shown inline — `Content-Disposition: attachment`, nosniff, and
 * the stored type (decided from the content at upload). `no-transform` keeps the compression middleware
 * (and any proxy) from re-encoding them; the API's middleware then makes Cache-Control `no-store`.
 */
export function downloadFile(contextOf: ContextOf): Handler<Env> {
  return async (c) => {
    const fileId = c.req.param('id') ?? ''
    if (!UUID.test(fileId)) {
      return refusal(c, 404, 'Filen finns inte, eller så får du inte se den.', 'FILE_NOT_FOUND')
    }
    const resHeaders = new Headers()
    const caller = createCaller(await contextOf(c, c.req.raw, resHeaders))
    let file: Awaited<ReturnType<typeof caller.caseFile.download>>
    try {
      file = await caller.caseFile.download({ fileId })
    } catch (error) {
      return answerError(c, error)
    }
    const headers = new Headers(resHeaders)
    headers.set(
      'Content-Type',
      file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
    )
    headers.set('Content-Length', String(file.content.byteLength))
    headers.set('Content-Disposition', contentDisposition(file.name))
    headers.set('X-Content-Type-Options', 'nosniff')
    // Should a browser ever render it anyway, it runs nothing and loads nothing, in an origin of its own.
    headers.set('Content-Security-Policy', "default-src 'none'; sandbox")
    headers.set('Cache-Control', 'no-store, no-transform')
    // The stores read files into plain ArrayBuffers (never shared memory), which is what a body may be.
    return new Response(file.content as Uint8Array<ArrayBuffer>, { status: 200, headers })
  }
}
