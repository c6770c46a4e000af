import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { trpcServer } from '@hono/trpc-server'
import {
  appRouter,
  type CaseEventBus,
  type Context,
  type FileStore,
  inProcessCaseEvents,
  memoryFileStore,
  resolveActor,
} from '@kundnav/api'
import { type Db, latestAppliedMigration } from '@kundnav/db'
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono'
import { createAuth } from './auth/authjs.ts'
import { CLIENT_ADDRESS_HEADER, clientAddress, parseCookies, peerIsLoopback } from './auth/request-info.ts'
import type { Env } from './env.ts'
import {
  compressAnswers,
  isCompressible,
  pickVariant,
  readPrecompressed,
  varyOnAcceptEncoding,
} from './http/compression.ts'
import { developmentHostGuard } from './http/development-host.ts'
import { downloadFile, FILES_PATH, uploadFile } from './http/files.ts'
import { apiBodyLimit, MAX_BATCH_SIZE } from './http/limits.ts'
import { type RequestIdVariables, requestId, setResponseHeader } from './http/request-id.ts'
import { securityHeaders } from './http/security-headers.ts'
import { unexpectedError } from './http/unexpected-error.ts'
import type { Logger } from './logger.ts'

export interface AppDeps {
  db: Db
  env: Pick<Env, 'demoMode' | 'staticDir' | 'auth' | 'authSecret' | 'trustProxy'>
  logger: Logger
  /** Uploaded files (main.ts: under DATA_DIR/files); in memory when not given (tests). */
  files?: FileStore
  /** Case events for live updates (main.ts: LISTEN/NOTIFY on PostgreSQL); in-process when not given. */
  caseEvents?: CaseEventBus
}

/** The header through which the SPA names the (organisation, role) pair the page shows. */
export const SHOWN_PAIR_HEADER = 'x-kundnav-pair'

/** Header the SPA sends with every tRPC call; a cross-site form or image can't set it. */
export const CSRF_HEADER = 'x-kundnav-csrf'

export function createApp({
  db,
  env,
  logger,
  files = memoryFileStore(),
  caseEvents = inProcessCaseEvents(),
}: AppDeps) {
  const app = new Hono<{ Variables: RequestIdVariables }>()
  const auth = createAuth({ db, settings: env.auth, secret: env.authSecret, logger })

  // Every answer, errors included: a request id, and the security headers (docs/decisions/0007).
  app.use('*', requestId())
  app.use('*', securityHeaders({ https: env.auth.publicUrl.startsWith('https://') }))
  app.onError(unexpectedError(logger))
  if (env.demoMode) app.use('*', developmentHostGuard(env.auth.publicUrl))

  app.use('/api/*', async (c, next) => {
    const started = performance.now()
    await next()
    // Answers of the API are about one person at one moment: no cache keeps them. An event stream (live
    // updates) is also never to be transformed: a proxy that compresses or buffers it holds events back.
    const eventStream = /^\s*text\/event-stream/i.test(c.res.headers.get('Content-Type') ?? '')
    setResponseHeader(c, 'Cache-Control', eventStream ? 'no-store, no-transform' : 'no-store')
    logger.debug(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  })
  // Answers of 1 KB and more go brotli or gzip compressed (lists, the session); small ones as they are.
  // Never event streams (tRPC subscriptions): each event must leave at once (compression.ts skips them).
  app.use('/api/*', compressAnswers())
  // Before anything reads a body: too large is refused unread (the largest input is a few kilobytes).
  // Uploads have a limit of their own (http/files.ts), set on their route.
  const limit = apiBodyLimit()
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && c.req.path === FILES_PATH ? next() : limit(c, next),
  )

  app.get('/api/health', async (c) => {
    try {
      const migration = await latestAppliedMigration(db.sql)
      return c.json({ status: 'ok', database: 'reachable', engine: db.engine, migration })
    } catch (error) {
      logger.error({ err: error, requestId: c.get('requestId') }, 'health check: database unreachable')
      return c.json({ status: 'error', database: 'unreachable', engine: db.engine, migration: null }, 503)
    }
  })

  // Auth.js: sign-in (Credentials), sign-out, its CSRF token. It learns the client's address from us.
  app.on(['GET', 'POST'], '/api/auth/*', (c) => {
    const headers = new Headers(c.req.raw.headers)
    headers.set(CLIENT_ADDRESS_HEADER, clientAddress(c, env.trustProxy))
    return auth.handle(new Request(c.req.raw, { headers }))
  })

  // Mutations and uploads must come from our own pages: same-site fetch metadata and the SPA's custom header.
  const ownPagesOnly = sameSiteOnly(env.auth.publicUrl)
  app.post('/api/trpc/*', ownPagesOnly)
  app.post(FILES_PATH, ownPagesOnly)

  /** The tRPC context of a request, as every procedure sees it: for /api/trpc and /api/files alike. */
  const contextOf = async (
    c: HonoContext<{ Variables: RequestIdVariables }>,
    req: Request,
    resHeaders: Headers,
  ): Promise<Context> => {
    const token = await auth.sessionToken(req)
    return {
      db,
      demoMode: env.demoMode,
      actor: token ? await resolveActor(db, env.auth, token) : null,
      settings: env.auth,
      request: {
        clientAddress: clientAddress(c, env.trustProxy),
        fromLoopback: peerIsLoopback(c),
        requestId: c.get('requestId'),
        userAgent: req.headers.get('user-agent'),
        shownPair: req.headers.get(SHOWN_PAIR_HEADER),
        cookies: parseCookies(req.headers.get('cookie')),
      },
      resHeaders,
      sessionCookie: (session) => auth.sessionCookie(session),
      files,
      caseEvents,
    }
  }

  // Cases' files: bytes in and out through a route of their own, calling the caseFile procedures.
  // (uploadFile applies the upload body limit itself, once it knows who is sending.)
  app.post(FILES_PATH, uploadFile(contextOf))
  app.get(`${FILES_PATH}/:id`, downloadFile(contextOf))
  // …and through nothing else: their input and answer are bytes, no JSON (a 20 MB file would be a 280 MB
  // answer, built on the event loop).
  app.use('/api/trpc/*', async (c, next) => {
    if (namesCaseFileProcedure(new URL(c.req.url).pathname)) return c.json({ error: 'Not found' }, 404)
    await next()
  })

  // Built per request, so that an error is logged with its request id even when no context was made.
  // Subscriptions (live updates, `caseLive.events`) are GETs answered as server-sent events. EventSource
  // sends the cookie but no header of ours, so they pass without the CSRF header (only POSTs need it) and
  // without the shown pair; they change nothing, and no other site can read them (no CORS).
  app.use('/api/trpc/*', (c, next) =>
    trpcServer({
      endpoint: '/api/trpc',
      router: appRouter,
      // A batch of more calls is refused with 400 before any of them runs.
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, resHeaders }) => contextOf(c, req, resHeaders),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error({ err: error, path, requestId: c.get('requestId') }, 'trpc error')
        }
      },
    })(c, next),
  )

  app.all('/api/*', (c) => c.json({ error: 'Not found' }, 404))

  const indexFile = join(env.staticDir, 'index.html')
  if (existsSync(indexFile)) {
    // Vite puts content-hashed files under /assets: they never change, so browsers may keep them.
    // Everything else (index.html above all) is revalidated, so a new release shows at once. Text files
    // come brotli, gzip or plain as the browser accepts, so caches must tell those answers apart (Vary).
    app.use('*', async (c, next) => {
      await next()
      if (c.req.path.startsWith('/assets/') && c.res.status === 200) {
        c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable')
      } else if (!c.res.headers.has('Cache-Control')) {
        c.res.headers.set('Cache-Control', 'no-cache')
      }
      if (isCompressible(c.res.headers.get('Content-Type'))) varyOnAcceptEncoding(c.res.headers)
    })
    // The build writes each text file brotli- and gzip-compressed beside it (apps/web/build/precompress.ts):
    // sent by Accept-Encoding (br, then gzip, else the file itself), never compressed per request. serveStatic
    // matches bare names only ("gzip, deflate, br", as browsers send), so a q-weighted header gets the plain
    // file — never one the client refused. Nothing under a dot-directory is served (.vite/manifest.json).
    const files = serveStatic({ root: env.staticDir, precompressed: true })
    app.use('*', (c, next) => (/\/\./.test(c.req.path) ? next() : files(c, next)))
    app.get('/assets/*', (c) => c.text('Not found', 404))
    // Client-side routes: every other GET is the SPA, always revalidated so a deploy shows at once.
    const indexHtml = readPrecompressed(indexFile)
    app.get('*', (c) => {
      const { encoding, body } = pickVariant(indexHtml, c.req.header('Accept-Encoding'))
      if (encoding) c.header('Content-Encoding', encoding)
      c.header('Content-Length', String(body.length))
      return c.body(body, 200, { 'Content-Type': 'text/html; charset=UTF-8' })
    })
  } else {
    logger.warn({ staticDir: env.staticDir }, 'no built web app found; run `pnpm build` to serve the portal')
    app.get('*', (c) =>
      c.text('Kundnav: the web app is not built. Run `pnpm start`, which builds it, or `pnpm build`.', 503),
    )
  }

  return app
}

/**
 * Refuses a request that did not come from our own pages: a cross-site `Sec-Fetch-Site`, an `Origin` of
 * another site, or no `x-kundnav-csrf: 1` (which a cross-site form or image cannot set).
 */
function sameSiteOnly(publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const crossSite =
      (site !== undefined && site !== 'same-origin' && site !== 'none') ||
      (origin !== undefined && !sameOrigin(origin, c.req.url, publicUrl)) ||
      c.req.header(CSRF_HEADER) !== '1'
    if (crossSite) {
      return c.json({ error: 'Begäran kom inte från portalens egna sidor.', code: 'CROSS_SITE_REFUSED' }, 403)
    }
    await next()
  }
}

/**
 * Whether a /api/trpc path names a caseFile procedure, read as tRPC reads it: the whole path
 * percent-decoded (decodeURIComponent, so "%2C" is the comma between a batch's procedures, which Hono's
 * `c.req.path` leaves encoded), then split on commas. A path that cannot be decoded names nothing we serve.
 */
export function namesCaseFileProcedure(pathname: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return true
  }
  return /(?:^|[/,])caseFile\./.test(decoded)
}

/** An Origin header names this server: the address it was reached at, or its public address. */
function sameOrigin(origin: string, requestUrl: string, publicUrl: string): boolean {
  try {
    const { host } = new URL(origin)
    return host === new URL(requestUrl).host || host === new URL(publicUrl).host
  } catch {
    return false
  }
}
