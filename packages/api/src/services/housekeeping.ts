import type { PrismaClient } from '@kundnav/db'

export interface Retention {
  /** Sessions unused this long have ended (the idle timeout). */
  sessionIdleMs: number
  /** Throttle events older than the window no longer count. */
  throttleWindowMs: number
  /** Delivered mail and SMS are kept this long (the development mailbox shows them meanwhile). */
  outboxRetentionMs: number
}

/** An expired link is kept this long, so using it still says "Länken har gått ut" rather than "ogiltig". */
const EXPIRED_LINK_GRACE_MS = 7 * 24 * 3_600_000

export interface Deleted {
  sessions: number
  passwordLinks: number
  throttleEvents: number
  outboxMessages: number
  stepUpChallenges: number
  signingLinks: number
}

/**
 * Deletes what can no longer matter, so tables do not only grow: ended sessions (past their absolute end
 * or idle timeout), password links a week after they expired (used ones are deleted when used), throttle events outside
 * the window, delivered outbox messages past their retention, and step-up challenges a week after their
 * code expired unless they were completed (a completed one is its signature's evidence), and signing links
 * past their 30 days (those of steps that moved on are refused anyway). Undeliverable (DEAD) messages stay for
 * an operator to look at. Each delete is one statement; running it twice or on two servers is harmless.
 */
export async function deleteExpired(
  prisma: PrismaClient,
  retention: Retention,
  now = new Date(),
): Promise<Deleted> {
  const ago = (ms: number) => new Date(now.getTime() - ms)
  const sessions = await prisma.session.deleteMany({
    where: { OR: [{ expires: { lte: now } }, { lastSeenAt: { lte: ago(retention.sessionIdleMs) } }] },
  })
  const passwordLinks = await prisma.verificationToken.deleteMany({
    where: { expires: { lte: ago(EXPIRED_LINK_GRACE_MS) } },
  })
  const throttleEvents = await prisma.throttleEvent.deleteMany({
    where: { createdAt: { lt: ago(retention.throttleWindowMs) } },
  })
  const outboxMessages = await prisma.outboxMessage.deleteMany({
    where: { status: 'SENT', sentAt: { lt: ago(retention.outboxRetentionMs) } },
  })
  const stepUpChallenges = await prisma.stepUpChallenge.deleteMany({
    where: { status: { not: 'COMPLETED' }, expiresAt: { lte: ago(EXPIRED_LINK_GRACE_MS) } },
  })
  const signingLinks = await prisma.orderSigningLink.deleteMany({ where: { expiresAt: { lte: now } } })
  return {
    sessions: sessions.count,
    passwordLinks: passwordLinks.count,
    throttleEvents: throttleEvents.count,
    outboxMessages: outboxMessages.count,
    stepUpChallenges: stepUpChallenges.count,
    signingLinks: signingLinks.count,
  }
}
