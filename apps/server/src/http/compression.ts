import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'

/** The encodings the server sends, in the order it prefers them when the client accepts several equally. */
export type Encoding = 'br' | 'gzip'

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024

/** Types worth compressing: text, JSON, JavaScript, XML, SVG. Not event streams (each event must go at once). */
const COMPRESSIBLE =
  /^\s*(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|[\w.-]+\+(?:json|xml))|image\/svg\+xml)/i
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i

/**
 * The encoding to send, of `offered` (best first), for an `Accept-Encoding` header: the one with the highest
 * q-value, the server's order breaking ties; `*` stands for any encoding not named; `q=0` refuses. Null
 * means identity — also when the header is absent (RFC 9110 allows anything then, but a client that says
 * nothing may not decode anything).
 */
export function negotiateEncoding(header: string | undefined, offered: readonly Encoding[]): Encoding | null {
  if (!header) return null
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    let q = 1
    for (const param of params) {
      const [key, value] = param.trim().split('=')
      if (key?.trim().toLowerCase() === 'q') q = Number.parseFloat(value ?? '')
    }
    weights.set(name.trim().toLowerCase(), Number.isNaN(q) ? 0 : q)
  }
  let best: { encoding: Encoding; q: number } | null = null
  for (const encoding of offered) {
    const q = weights.get(encoding) ?? weights.get('*') ?? 0
    if (q > 0 && (best === null || q > best.q)) best = { encoding, q }
  }
  return best?.encoding ?? null
}

/** Whether answers of this Content-Type are worth compressing. */
export function isCompressible(contentType: string | null | undefined): boolean {
  return COMPRESSIBLE.test(contentType ?? '')
}

/** The encodings the build precompresses files in (apps/web/build/precompress.ts), and their suffixes. */
export const PRECOMPRESSED: readonly { encoding: Encoding; suffix: string }[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
]

/** A file read once, with the precompressed variants the build wrote beside it. */
export interface PrecompressedFile {
  identity: Uint8Array<ArrayBuffer>
  variants: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>
}

export function readPrecompressed(file: string): PrecompressedFile {
  const variants: PrecompressedFile['variants'] = {}
  for (const { encoding, suffix } of PRECOMPRESSED) {
    if (existsSync(file + suffix)) variants[encoding] = new Uint8Array(readFileSync(file + suffix))
  }
  return { identity: new Uint8Array(readFileSync(file)), variants }
}

/** The variant of `file` to send for an Accept-Encoding header, and its Content-Encoding (null: identity). */
export function pickVariant(file: PrecompressedFile, acceptEncoding: string | undefined) {
  const offered = PRECOMPRESSED.map((p) => p.encoding).filter((encoding) => file.variants[encoding])
  const encoding = negotiateEncoding(acceptEncoding, offered)
  return { encoding, body: (encoding && file.variants[encoding]) || file.identity }
}

/** Adds `Accept-Encoding` to a response's Vary header, once. */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('Vary')
  if (vary === '*' || vary?.split(',').some((name) => name.trim().toLowerCase() === 'accept-encoding')) return
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Per request, so speed matters more than the last byte: brotli at quality 4 and gzip at level 6 take
 * about the same time and both shrink JSON several times over. zlib works on libuv's thread pool, so a
 * large answer does not hold up the event loop. (The built SPA is compressed once, at build time.)
 */
async function compress(body: Uint8Array, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  if (encoding === 'br') {
    const compressed = await brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 4,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    })
    return new Uint8Array(compressed)
  }
  return new Uint8Array(await gzipAsync(body, { level: 6 }))
}

/**
 * Compresses answers of at least `threshold` bytes — brotli or gzip, as the client's Accept-Encoding says —
 * and marks them `Vary: Accept-Encoding`. Leaves alone: HEAD requests, answers without a body or with a
 * partial one, answers already encoded (never twice), streamed ones (Transfer-Encoding, event streams),
 * `Cache-Control: no-transform`, and types that don't compress.
 *
 * hono/compress is not used: on Node 20 it offers gzip and deflate only (CompressionStream has no brotli
 * there), and its threshold needs a Content-Length, which tRPC's answers lack, so it would compress every
 * tiny answer too.
 */
export function compressAnswers({ threshold = COMPRESS_THRESHOLD_BYTES } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const res = c.res
    if (!worthConsidering(c, res)) return
    const declared = res.headers.get('Content-Length')
    if (declared !== null && Number(declared) < threshold) return
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'), ['br', 'gzip'])
    if (!encoding) {
      // Nothing to choose for this client, so its answer is not read and rebuilt: it only says it varies.
      varyOnAcceptEncoding(res.headers)
      return
    }

    const body = new Uint8Array(await res.arrayBuffer())
    if (body.length < threshold) {
      c.res = new Response(body, res)
      return
    }
    const sent = await compress(body, encoding)
    // Hono copies the previous answer's headers onto the new one, so set the changed ones after.
    c.res = new Response(sent, res)
    const headers = c.res.headers
    varyOnAcceptEncoding(headers)
    headers.set('Content-Length', String(sent.length))
    headers.set('Content-Encoding', encoding)
    const etag = headers.get('ETag')
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`)
  }
}

function worthConsidering(c: Context, res: Response): boolean {
  if (c.req.method === 'HEAD' || res.body === null) return false
  if (res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return false
  if (res.headers.has('Content-Encoding') || res.headers.has('Transfer-Encoding')) return false
  if (NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')) return false
  return isCompressible(res.headers.get('Content-Type'))
}
