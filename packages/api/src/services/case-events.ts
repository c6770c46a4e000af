import { EventEmitter } from 'node:events'

/**
 * What changed on a case, for live updates ("Mina ärenden" and the case page refresh without a reload).
 * It names the case and its organisation only: each subscriber's access is checked against the database
 * before anything is sent to them.
 */
export interface CaseEvent {
  caseId: string
  organizationId: string
  kind: 'created' | 'message' | 'status' | 'closed'
}

/**
 * Publishes case events to every server instance's subscribers: PostgreSQL LISTEN/NOTIFY across instances,
 * an in-process channel on the embedded database. Publish after the change's transaction has committed.
 */
export interface CaseEventBus {
  publish(event: CaseEvent): Promise<void>
  /** Calls `listener` with every event from now on; the returned function stops it. */
  subscribe(listener: (event: CaseEvent) => void): () => void
  close(): Promise<void>
}

/** One process's channel: the embedded database has one server instance. */
export function inProcessCaseEvents(): CaseEventBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    async publish(event) {
      emitter.emit('case', event)
    },
    subscribe(listener) {
      emitter.on('case', listener)
      return () => emitter.off('case', listener)
    },
    async close() {
      emitter.removeAllListeners()
    },
  }
}
