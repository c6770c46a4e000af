/**
 * Work a request starts but does not wait for, so the answer cannot reveal it by its timing (a reset
 * mail for an account that exists). Each task is tracked until it settles: the server waits for them
 * before it stops, tests wait for them before they look at the outbox.
 */
type ErrorLogger = (error: unknown, label: string) => void

const pending = new Set<Promise<void>>()
let logError: ErrorLogger = (error, label) => console.error(`deferred task "${label}" failed`, error)

/** Where failures of deferred tasks are reported (the server passes its logger). */
export function setDeferredErrorLogger(logger: ErrorLogger): void {
  logError = logger
}

/**
 * Runs `task` once the current request's answer is on its way (a macrotask later, so not even its first
 * statement competes with the answer); a failure is logged, never thrown at the request.
 */
export function defer(label: string, task: () => Promise<unknown>): void {
  const running: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .then(
      () => undefined,
      (error: unknown) => logError(error, label),
    )
    .finally(() => pending.delete(running))
  pending.add(running)
}

/** Resolves when every deferred task, including ones started meanwhile, has settled. */
export async function settleDeferred(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending)
}
