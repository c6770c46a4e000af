import { EventEmitter } from 'node:events'
import pg from 'pg'

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

const KINDS: ReadonlySet<string> = new Set<CaseEvent['kind']>(['created', 'message', 'status', 'closed'])

/**
 * Publishes case events to every server instance's subscribers: PostgreSQL LISTEN/NOTIFY across instances,
 * an in-process channel on the embedded database. Publish after the change's transaction has committed.
 * Delivery is at most once: an event published while an instance's listening connection is down is lost
 * to that instance's subscribers (they see it on their next reload or the next event of the case).
 */
export interface CaseEventBus {
  /** Never throws: the change it reports has been committed already, and its caller must not fail. */
  publish(event: CaseEvent): Promise<void>
  /**
   * Calls `listener` with every event from now on; the returned function stops it. `closed` is called
   * once if the bus closes first (server shutdown), so a subscriber can end its stream.
   */
  subscribe(listener: (event: CaseEvent) => void, closed?: () => void): () => void
  close(): Promise<void>
}

/** What the bus logs: a connection lost and won back, a notification it could not read. */
export interface CaseEventLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

const silent: CaseEventLogger = { info() {}, warn() {} }

/** The subscribers of one instance, and what happens to them when the bus closes. */
function subscribers() {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  let isClosed = false
  return {
    emit(event: CaseEvent) {
      emitter.emit('case', event)
    },
    subscribe(listener: (event: CaseEvent) => void, closed?: () => void) {
      if (isClosed) {
        closed?.()
        return () => {}
      }
      const onClose = () => closed?.()
      emitter.on('case', listener)
      emitter.once('close', onClose)
      return () => {
        emitter.off('case', listener)
        emitter.off('close', onClose)
      }
    },
    close() {
      if (isClosed) return
      isClosed = true
      emitter.emit('close')
      emitter.removeAllListeners()
    },
  }
}

/** One process's channel: the embedded database has one server instance. */
export function inProcessCaseEvents(): CaseEventBus {
  const local = subscribers()
  return {
    async publish(event) {
      local.emit(event)
    },
    subscribe: local.subscribe,
    async close() {
      local.close()
    },
  }
}

/** The PostgreSQL channel every instance listens on. */
export const CASE_EVENT_CHANNEL = 'kundnav_case'

/** Reconnecting waits this long after the first failure, doubling up to the cap. */
const RECONNECT_FIRST_MS = 250
const RECONNECT_MAX_MS = 15_000

export interface PostgresCaseEventBus extends CaseEventBus {
  /** Resolves once this instance is listening (again); for start-up logs and tests. */
  listening(): Promise<void>
}

/**
 * Case events through PostgreSQL's LISTEN/NOTIFY, so a change made on one server instance reaches the
 * subscribers of every other: one dedicated connection per instance LISTENs (outside the pool, which
 * hands connections round and would lose the LISTEN), and publishing is `pg_notify` on it. NOTIFY is
 * delivered only once its transaction commits, and to the sending session too, so this instance's own
 * subscribers hear it the same way. A dropped connection is opened again with backoff and LISTENs again.
 */
export function postgresCaseEvents(
  connectionString: string,
  logger: CaseEventLogger = silent,
): PostgresCaseEventBus {
  const local = subscribers()
  let client: pg.Client | null = null
  let connected: Promise<pg.Client> | null = null
  let closed = false
  let failures = 0
  let retry: ReturnType<typeof setTimeout> | null = null
  let isListening = false
  let readyWaiters: { resolve(): void; reject(error: Error): void }[] = []

  function onNotification(message: pg.Notification) {
    if (message.channel !== CASE_EVENT_CHANNEL) return
    const event = readEvent(message.payload)
    if (event) local.emit(event)
    else logger.warn({ payload: message.payload?.slice(0, 200) }, 'case events: unreadable notification')
  }

  function connect(): Promise<pg.Client> {
    // Keepalive finds a connection a network cut left dead; the timeouts keep a publish from hanging on one.
    const attempt = new pg.Client({
      connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 5_000,
    })
    client = attempt
    const lost = (error?: Error) => {
      if (client !== attempt) return
      client = null
      connected = null
      isListening = false
      attempt.removeAllListeners('notification')
      void attempt.end().catch(() => {})
      if (closed) return
      logger.warn({ err: error }, 'case events: the listening connection was lost; connecting again')
      scheduleReconnect()
    }
    attempt.on('error', lost)
    attempt.on('end', () => lost())
    attempt.on('notification', onNotification)
    const ready = (async () => {
      await attempt.connect()
      await attempt.query(`LISTEN ${CASE_EVENT_CHANNEL}`)
      if (client !== attempt) return attempt
      if (failures > 0) logger.info({ after: failures }, 'case events: listening again')
      failures = 0
      isListening = true
      for (const waiter of readyWaiters) waiter.resolve()
      readyWaiters = []
      return attempt
    })()
    ready.catch((error: unknown) => lost(error as Error))
    connected = ready
    return ready
  }

  function scheduleReconnect() {
    if (closed || retry) return
    const wait = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** failures)
    failures += 1
    // Jitter, so that instances cut off together do not all come back at the same instant.
    retry = setTimeout(
      () => {
        retry = null
        if (!closed) void connect().catch(() => {})
      },
      wait / 2 + Math.random() * (wait / 2),
    )
    retry.unref?.()
  }

  void connect().catch(() => {})

  return {
    async publish(event) {
      try {
        // Wait for a connection being made; with none at all (between retries) the event is dropped.
        const target = await (connected ?? Promise.reject(new Error('not connected')))
        await target.query('SELECT pg_notify($1, $2)', [CASE_EVENT_CHANNEL, JSON.stringify(event)])
      } catch (error) {
        logger.warn({ err: error, caseId: event.caseId, kind: event.kind }, 'case events: not published')
      }
    },
    subscribe: local.subscribe,
    listening() {
      if (closed) return Promise.reject(new Error('case events: closed'))
      if (isListening) return Promise.resolve()
      return new Promise((resolve, reject) => readyWaiters.push({ resolve, reject }))
    },
    async close() {
      if (closed) return
      closed = true
      if (retry) clearTimeout(retry)
      retry = null
      local.close()
      const last = client
      client = null
      connected = null
      isListening = false
      for (const waiter of readyWaiters) waiter.reject(new Error('case events: closed'))
      readyWaiters = []
      await last?.end().catch(() => {})
    },
  }
}

/** A notification's payload as a CaseEvent; null for anything else (someone else's NOTIFY on the channel). */
function readEvent(payload: string | undefined): CaseEvent | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<Record<keyof CaseEvent, unknown>>
    if (
      typeof value.caseId === 'string' &&
      typeof value.organizationId === 'string' &&
      typeof value.kind === 'string' &&
      KINDS.has(value.kind)
    ) {
      return {
        caseId: value.caseId,
        organizationId: value.organizationId,
        kind: value.kind as CaseEvent['kind'],
      }
    }
  } catch {}
  return null
}
