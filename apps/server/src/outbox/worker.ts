import { claimDueMessages, type Db, markDelivered, markFailed } from '@kundnav/db'
import type { Logger } from '../logger.ts'
import type { Transport } from './transports.ts'

export interface OutboxWorkerOptions {
  db: Db
  transport: Transport
  logger: Logger
  pollMs: number
  batchSize?: number
  /** How long a claimed message is reserved for this worker before another may retry it. */
  leaseMs?: number
  /** Work that writes into the outbox (queued password reset requests), run at the start of each pass. */
  prepare?: () => Promise<unknown>
  /** Clean-up the worker runs between deliveries, at most once per `everyMs` (the first pass runs it). */
  housekeeping?: { run: () => Promise<unknown>; everyMs: number }
}

/**
 * Delivers outbox messages: polls, claims a batch, sends each, records the outcome. Between passes it also
 * runs the housekeeping (deleting what has expired), when one is given.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null
  private lastHousekeepingAt = Number.NEGATIVE_INFINITY
  private running: Promise<void> | null = null
  private stopped = false

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  /** Stops polling and waits for the batch in flight to finish. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /** One pass: deliver every message due now. Returns how many were delivered. */
  async runOnce(): Promise<number> {
    const { db, transport, logger, batchSize = 20, leaseMs = 5 * 60_000 } = this.options
    let delivered = 0
    if (this.options.prepare) {
      // A failure here must not hold up delivering what is already queued.
      await this.options
        .prepare()
        .catch((error: unknown) => logger.error({ err: error }, 'outbox preparation failed'))
    }
    for (;;) {
      const batch = await claimDueMessages(db.prisma, { limit: batchSize, leaseMs })
      for (const message of batch) {
        try {
          await transport.deliver(message)
          const via = transport.deliveredVia?.(message) ?? transport.name
          await markDelivered(db.prisma, message.id, via)
          delivered++
          logger.info({ outboxId: message.id, channel: message.channel, via }, 'outbox message delivered')
        } catch (error) {
          await markFailed(db.prisma, message, error)
          logger.warn(
            { outboxId: message.id, attempts: message.attempts, err: error },
            'outbox delivery failed',
          )
        }
      }
      if (batch.length < batchSize || this.stopped) return delivered
    }
  }

  /** Runs the housekeeping when it is due; a failure is logged and tried again at the next due time. */
  async keepHouse(now = Date.now()): Promise<void> {
    const { housekeeping, logger } = this.options
    if (!housekeeping || now - this.lastHousekeepingAt < housekeeping.everyMs) return
    this.lastHousekeepingAt = now
    try {
      const deleted = await housekeeping.run()
      logger.debug({ deleted }, 'housekeeping done')
    } catch (error) {
      logger.error({ err: error }, 'housekeeping failed')
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => this.keepHouse())
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'outbox worker pass failed'))
        .finally(() => {
          this.running = null
          this.schedule(this.options.pollMs)
        })
    }, delayMs)
  }
}
