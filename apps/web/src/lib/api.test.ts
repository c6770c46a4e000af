import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  invitationListQueryOptions,
  ME_QUERY_KEY,
  portalInfoQueryOptions,
  sessionQueryOptions,
} from './api.ts'
import { type ApiEvent, onApiEvent } from './api-events.ts'
import { setShownPair } from './shown-pair.ts'
import { trpc, trpcClient } from './trpc.ts'
import { trpcAppCode, trpcErrorCode, trpcHttpStatus, trpcMessage, trpcRequestId } from './trpc-error.ts'

const SESSION = {
  user: { id: 'u1', name: 'Anna Andersson', language: 'sv' },
  active: { organizationId: 'o1', organizationName: 'Region Norrby (demo)', role: 'ADMIN' },
  pairs: [],
  idleTimeoutMs: 1_800_000,
}

const serverError = (requestId: string | null) => ({
  error: {
    message: 'Något gick fel hos oss. Försök igen om en stund.',
    code: -32603,
    data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: 'session.get', requestId },
  },
})

/** Answers to `session.get` as the server, a proxy or the network may give them. */
const ANSWERS: Record<string, () => Promise<Response>> = {
  'signed in': async () => Response.json([{ result: { data: SESSION } }]),
  'signed out': async () => Response.json([{ result: { type: 'data', data: null } }]),
  'a server error in its slot': async () => Response.json([serverError('r-1')], { status: 500 }),
  'the session gone': async () =>
    Response.json(
      [{ error: { message: 'Logga in.', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } } }],
      { status: 401 },
    ),
  'a role switched in another tab': async () =>
    Response.json(
      [
        {
          error: {
            message: 'Du har bytt roll.',
            code: -32009,
            data: { code: 'CONFLICT', httpStatus: 409, appCode: 'ROLE_CHANGED' },
          },
        },
      ],
      { status: 409 },
    ),
  "the server's generic 500 for the whole batch": async () =>
    Response.json({ error: 'Något gick fel hos oss.', requestId: 'r-2' }, { status: 500 }),
  'an error naming its request only in a header': async () =>
    Response.json([serverError(null)], { status: 500, headers: { 'x-request-id': 'r-3' } }),
  "a proxy's error page": async () => new Response('<h1>Bad gateway</h1>', { status: 502 }),
  'an empty batch': async () => Response.json([]),
  'no network': async () => {
    throw new TypeError('Failed to fetch')
  },
}

interface Outcome {
  data?: unknown
  error?: Record<string, unknown>
  events: ApiEvent['type'][]
  request?: { url: string; method: string | undefined; headers: unknown }
}

/** What a call gives and tells the frame, and what it sent; errors as the app reads them. */
async function outcome(call: () => Promise<unknown>, answer: () => Promise<Response>): Promise<Outcome> {
  const result: Outcome = { events: [] }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    result.request = { url, method: init.method, headers: init.headers }
    return answer()
  })
  const stop = onApiEvent((event) => result.events.push(event.type))
  try {
    result.data = await call()
  } catch (error) {
    const { name, message, data, shape, meta } = error as Record<string, unknown> & {
      meta?: { response?: Response; responseJSON?: unknown }
    }
    result.error = {
      name,
      message,
      data,
      shape,
      status: meta?.response?.status,
      responseJSON: meta?.responseJSON,
      read: [trpcErrorCode, trpcHttpStatus, trpcAppCode, trpcRequestId, trpcMessage].map((read) =>
        read(error),
      ),
    }
  } finally {
    stop()
  }
  return result
}

describe("the frame's own queries", () => {
  beforeEach(() => setShownPair('o1:ADMIN'))
  afterEach(() => vi.unstubAllGlobals())

  it.each(Object.entries(ANSWERS))(
    'send, read and report %s as the tRPC client does',
    async (_name, answer) => {
      setShownPair('o1:ADMIN')
      const viaTrpc = await outcome(() => trpcClient.session.get.query(), answer)
      setShownPair('o1:ADMIN')
      const plain = await outcome(sessionQueryOptions().queryFn as () => Promise<unknown>, answer)
      expect(plain).toEqual(viaTrpc)
    },
  )

  it('share their keys with the options proxy', () => {
    expect(sessionQueryOptions().queryKey).toEqual(trpc.session.get.queryKey())
    expect(portalInfoQueryOptions().queryKey).toEqual(trpc.portal.info.queryKey())
    expect(invitationListQueryOptions().queryKey).toEqual(trpc.invitation.list.queryKey())
    expect(ME_QUERY_KEY).toEqual(trpc.me.get.queryKey())
  })
})
