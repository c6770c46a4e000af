import { useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useEffect, useRef } from 'react'
import { useTRPC } from '../../lib/trpc.ts'

/** After the server ended a stream (a shutting-down instance, or access to check again), subscribe anew. */
const RESUBSCRIBE_MS = [1_000, 5_000, 30_000] as const

/**
 * Live updates of cases: while mounted, the server sends a note of every change to a case the person
 * reaches (only that case, given `caseId`), and the queries showing it are fetched again — the case page
 * (`case.get`), "Mina ärenden"/"Organisationens ärenden" (`case.list`) and the support queue
 * (`supportCase.queue`). The notes carry no content: what is shown always comes from those queries.
 *
 * A stream that ends (the server closing down, a session or access that ended) is opened again after a
 * while; a refused one (signed out, the case out of reach) stays closed. Events missed while reconnecting
 * are caught up by fetching again once the stream is back.
 */
export function useCaseUpdates(caseId?: string): void {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const connections = useRef(0)
  const restarts = useRef(0)

  const refresh = (changed?: string) => {
    const id = changed ?? caseId
    if (id) void queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId: id }))
    else void queryClient.invalidateQueries(trpc.case.get.pathFilter())
    void queryClient.invalidateQueries(trpc.case.list.pathFilter())
    void queryClient.invalidateQueries(trpc.supportCase.queue.pathFilter())
  }

  const subscription = useSubscription(
    trpc.caseLive.events.subscriptionOptions(caseId ? { caseId } : {}, {
      onStarted() {
        // Connected again after a break: whatever changed meanwhile was not sent.
        if (connections.current > 0) refresh()
        connections.current += 1
      },
      onData(update) {
        restarts.current = 0
        refresh(update.caseId)
      },
    }),
  )

  const { status, reset } = subscription
  useEffect(() => {
    if (status !== 'idle' || connections.current === 0) return
    const wait = RESUBSCRIBE_MS[Math.min(restarts.current, RESUBSCRIBE_MS.length - 1)]
    restarts.current += 1
    const timer = setTimeout(reset, wait)
    return () => clearTimeout(timer)
  }, [status, reset])
}
