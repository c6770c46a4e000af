import type { AppRouter } from '@kundnav/api'
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
  type TRPCLink,
} from '@trpc/client'
import { observable } from '@trpc/server/observable'
import { transformResult } from '@trpc/server/unstable-core-do-not-import'
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { trpcHeaders } from './api.ts'
import { callFailed, callSucceeded } from './call-watch.ts'
import { queryClient } from './query-client.ts'

/*
 * The tRPC client and its TanStack Query options proxy. Not needed to show a page, so the entry leaves it
 * out: pages import it, route loaders get it from `await context.trpc()`, and the frame asks what it
 * needs on every page without it (api.ts) until it has loaded.
 */

/** Watches every call: successes keep the idle clock, some failures concern the frame (call-watch.ts). */
const watchLink: TRPCLink<AppRouter> = () => {
  return ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next(value) {
          callSucceeded(op.path, value.result)
          observer.next(value)
        },
        error(error) {
          callFailed(error)
          observer.error(error)
        },
        complete() {
          observer.complete()
        },
      }),
    )
}

/**
 * A subscription's failures concern the frame as a call's do (signed out: to the sign-in page); its events
 * are no activity of the person, so they do not keep the idle clock (nor does the server count them).
 */
const subscriptionWatchLink: TRPCLink<AppRouter> = () => {
  return ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next(value) {
          observer.next(value)
        },
        error(error) {
          callFailed(error)
          observer.error(error)
        },
        complete() {
          observer.complete()
        },
      }),
    )
}

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      // Live updates: server-sent events (EventSource) from the same origin, which sends the session cookie
      // but no custom header; the server asks none of a GET (no CSRF header, no shown pair).
      true: [subscriptionWatchLink, httpSubscriptionLink({ url: '/api/trpc' })],
      false: [
        watchLink,
        httpBatchLink({
          url: '/api/trpc',
          // Bounded batches keep URLs short and one slow procedure from holding many others back.
          maxItems: 10,
          headers: trpcHeaders,
        }),
      ],
    }),
  ],
})

/** The typed options proxy: `useQuery(trpc.me.get.queryOptions())`, in components and route loaders alike. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient })

/** `const trpc = useTRPC()`: the one options proxy, so every page makes the same query keys. */
export function useTRPC(): typeof trpc {
  return trpc
}

/** What a request the frame made itself (api.ts) failed with, as httpBatchLink would say it. */
export function failedRequest(cause: unknown): TRPCClientError<AppRouter> {
  return TRPCClientError.from(cause as Error)
}

/**
 * One call's answer in a batch answer, read as httpBatchLink reads it: its data, or the TRPCClientError
 * it fails with (also for an answer tRPC never gives, such as a proxy's error page).
 */
export function readAnswer(answer: unknown, meta: { response: Response; responseJSON: unknown }): unknown {
  let result: ReturnType<typeof transformResult>
  try {
    result = transformResult(answer as Parameters<typeof transformResult>[0], NO_TRANSFORMER)
  } catch (cause) {
    throw TRPCClientError.from(cause as Error, { meta })
  }
  if (!result.ok) throw TRPCClientError.from(result.error, { meta })
  return result.result.type === 'data' ? result.result.data : undefined
}

const NO_TRANSFORMER = { serialize: (value: unknown) => value, deserialize: (value: unknown) => value }
