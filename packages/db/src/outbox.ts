import { randomUUID } from 'node:crypto'
import type { OutboxMessage, Prisma, PrismaClient } from './generated/prisma/client.ts'

type Tx = Prisma.TransactionClient | PrismaClient

export interface MailToSend {
  to: string
  subject: string
  text: string
  html?: string | undefined
}

export interface SmsToSend {
  to: string
  text: string
}

/** The host part of Message-IDs; any stable name of ours does. */
const MESSAGE_ID_DOMAIN = 'kundnav.local'

/** Queues a mail in the caller's transaction; the worker delivers it once the transaction commits. */
export function enqueueMail(tx: Tx, mail: MailToSend): Promise<OutboxMessage> {
  return tx.outboxMessage.create({
    data: {
      channel: 'EMAIL',
      recipient: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      messageId: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
    },
  })
}

/** Queues an SMS in the caller's transaction. */
export function enqueueSms(tx: Tx, sms: SmsToSend): Promise<OutboxMessage> {
  return tx.outboxMessage.create({
    data: {
      channel: 'SMS',
      recipient: sms.to,
      text: sms.text,
      messageId: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
    },
  })
}

/**
 * Claims up to `limit` due messages for one worker: each claimed row's next attempt moves `leaseMs`
 * ahead, so no other worker takes it while it is being sent; a worker that dies mid-send leaves the
 * row to be retried when the lease runs out (at-least-once). SKIP LOCKED lets workers pass each other.
 */
export async function claimDueMessages(
  prisma: PrismaClient,
  { limit, leaseMs }: { limit: number; leaseMs: number },
): Promise<OutboxMessage[]> {
  return prisma.$queryRaw<OutboxMessage[]>`
    UPDATE "OutboxMessage"
       SET "attempts" = "attempts" + 1,
           "nextAttemptAt" = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING *`
}

export async function markDelivered(prisma: PrismaClient, id: string, via: string): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status: 'SENT', sentAt: new Date(), deliveredVia: via, lastError: null },
  })
}

/** Exponential backoff from 10 s, capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}

/** After this many attempts (about a day of retries) a message is set aside as DEAD for a person to look at. */
export const MAX_DELIVERY_ATTEMPTS = 30

/** A delivery the receiving side refused for good (a 4xx from an SMS gateway): no retry would help. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError'
}

export async function markFailed(
  prisma: PrismaClient,
  message: OutboxMessage,
  error: unknown,
): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error)
  const dead = message.attempts >= MAX_DELIVERY_ATTEMPTS || error instanceof PermanentDeliveryError
  await prisma.outboxMessage.update({
    where: { id: message.id },
    data: {
      status: dead ? 'DEAD' : 'PENDING',
      lastError: reason.slice(0, 2000),
      nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts)),
    },
  })
}
