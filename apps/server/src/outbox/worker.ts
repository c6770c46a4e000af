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
}

/** Delivers outbox messages: polls, claims a batch, sends each, records the outcome. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null
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
    for (;;) {
      const batch = await claimDueMessages(db.prisma, { limit: batchSize, leaseMs })
      for (const message of batch) {
        try {
          await transport.deliver(message)
          await markDelivered(db.prisma, message.id, transport.name)
          delivered++
          logger.info(
            { outboxId: message.id, channel: message.channel, via: transport.name },
            'outbox message delivered',
          )
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

  private schedule(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'outbox worker pass failed'))
        .finally(() => {
          this.running = null
          this.schedule(this.options.pollMs)
        })
    }, delayMs)
  }
}
