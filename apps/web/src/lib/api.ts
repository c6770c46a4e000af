import type { AppRouter } from '@kundnav/api'
import { queryOptions } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { callFailed, callSucceeded } from './call-watch.ts'
import { shownPairHeader } from './shown-pair.ts'

/*
 * What the frame asks the server on every page — who is signed in, the portal's mode, invitations
 * waiting — without the tRPC client, so a page shows without waiting for it (~8 KB gzip). These are
 * GETs of queries without input, sent and read as tRPC's httpBatchLink sends and reads them, with the
 * query keys of tRPC's options proxy, so the cache is shared with pages that use `trpc.…` (api.test.ts
 * holds both to the same answers). Only a plain success is read here; anything else is handed to the
 * tRPC client's own reading once it has loaded (trpc.ts), so errors are the same TRPCClientError.
 */

type Outputs = inferRouterOutputs<AppRouter>
type TrpcModule = typeof import('./trpc.ts')

/** What every tRPC call sends. */
export function trpcHeaders(): Record<string, string> {
  return {
    // The server refuses tRPC calls without this header (CSRF protection together with Origin checks).
    'x-kundnav-csrf': '1',
    // The pair this page shows; the server refuses calls from a page showing another (stale tab).
    'x-kundnav-pair': shownPairHeader(),
  }
}

let trpcModule: Promise<TrpcModule> | undefined

/** The tRPC client, loaded once: the entry starts loading it as soon as it runs (main.tsx). */
export function loadTrpc(): Promise<TrpcModule> {
  trpcModule ??= import('./trpc.ts').catch((error: unknown) => {
    trpcModule = undefined
    throw error
  })
  return trpcModule
}

/** The options proxy's key for a query without input: `[['session', 'get'], { type: 'query' }]`. */
function queryKeyOf(path: string): [string[], { type: 'query' }] {
  return [path.split('.'), { type: 'query' }]
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: queryKeyOf('session.get'),
    queryFn: () => get<Outputs['session']['get']>('session.get'),
  })
}

export function portalInfoQueryOptions() {
  return queryOptions({
    queryKey: queryKeyOf('portal.info'),
    queryFn: () => get<Outputs['portal']['info']>('portal.info'),
  })
}

export function invitationListQueryOptions() {
  return queryOptions({
    queryKey: queryKeyOf('invitation.list'),
    queryFn: () => get<Outputs['invitation']['list']>('invitation.list'),
  })
}

/** `me.get`'s key, for setting what "Mina uppgifter" shows. */
export const ME_QUERY_KEY = queryKeyOf('me.get')

/** A query without input, as a batch of one: `GET /api/trpc/session.get?batch=1&input={}`. */
async function get<T>(path: string): Promise<T> {
  let data: unknown
  try {
    data = await request(path)
  } catch (error) {
    callFailed(error)
    throw error
  }
  callSucceeded(path, { type: 'data', data })
  return data as T
}

async function request(path: string): Promise<unknown> {
  let response: Response
  let json: unknown
  try {
    response = await fetch(`/api/trpc/${path}?batch=1&input=${encodeURIComponent('{}')}`, {
      method: 'GET',
      headers: trpcHeaders(),
    })
    json = await response.json()
  } catch (cause) {
    throw (await loadTrpc()).failedRequest(cause)
  }
  if (Array.isArray(json) && json.length === 0) {
    throw (await loadTrpc()).failedRequest(new Error('Missing result'))
  }
  const answer: unknown = Array.isArray(json) ? json[0] : json
  const result = plainSuccess(answer)
  if (result) return result.data
  return (await loadTrpc()).readAnswer(answer, { response, responseJSON: json })
}

/** `{ result: { data } }` (or `type: 'data'`), the answer to a call that succeeded; null for anything else. */
function plainSuccess(answer: unknown): { data: unknown } | null {
  if (answer === null || typeof answer !== 'object' || 'error' in answer || !('result' in answer)) return null
  const result = answer.result
  if (result === null || typeof result !== 'object') return null
  if ('type' in result && result.type !== 'data') return null
  return { data: 'data' in result ? result.data : undefined }
}
