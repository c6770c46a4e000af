import { createHash, randomBytes } from 'node:crypto'
import { contentHash } from './canonical-hash.ts'
import type { AuditEvent, Prisma, PrismaClient, Role } from './generated/prisma/client.ts'

// Audit events form hash chains: one per organisation and one for events of no organisation. Each event
// stores its position in the chain (chainSeq), the previous event's hash (prevHash) and the SHA-256 of
// its canonical content (hash). Writers of one chain are serialised by an advisory lock held until their
// transaction ends. See docs/decisions/0008-audit-chain.md.

type Tx = Prisma.TransactionClient | PrismaClient

export interface AuditEventInput {
  organizationId: string | null
  actorUserId: string | null
  actorRole: Role | null
  action: string
  targetType?: string | null | undefined
  targetId?: string | null | undefined
  data?: Prisma.InputJsonValue | undefined
}

/** The stored fields that are hashed: everything but `hash` itself. */
export type AuditEventFields = Pick<
  AuditEvent,
  | 'id'
  | 'organizationId'
  | 'actorUserId'
  | 'actorRole'
  | 'action'
  | 'targetType'
  | 'targetId'
  | 'data'
  | 'createdAt'
  | 'chainSeq'
  | 'prevHash'
>

/** First key of the two-key advisory locks that serialise the writers of one chain ("AudC"). */
const CHAIN_LOCK_CLASS = 0x41756443

/**
 * The canonical content of an event, whose `contentHash` is its `hash`. Changing what goes in here breaks
 * every stored chain: don't, or give the content a version.
 */
export function auditEventContent(event: AuditEventFields): Prisma.JsonObject {
  if (event.chainSeq > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('chainSeq out of range')
  return {
    id: event.id,
    organizationId: event.organizationId,
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data ?? null,
    createdAt: event.createdAt.toISOString(),
    chainSeq: Number(event.chainSeq),
    prevHash: event.prevHash,
  }
}

/**
 * Appends one event to its chain. Inside a transaction (`tx`), the event commits or rolls back with the
 * caller's change, and the chain stays locked for other writers until then; given the client itself, it
 * runs in a transaction of its own. The one way audit events are written.
 */
export async function appendAuditEvent(db: Tx, entry: AuditEventInput): Promise<AuditEvent> {
  // A transaction client has $transaction too (nested, as savepoints), but no $connect.
  if ('$connect' in db) return db.$transaction((tx) => appendInTransaction(tx, entry))
  return appendInTransaction(db, entry)
}

async function appendInTransaction(
  tx: Prisma.TransactionClient,
  entry: AuditEventInput,
): Promise<AuditEvent> {
  const organizationId = entry.organizationId === null ? null : entry.organizationId.toLowerCase()
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}::int4, ${chainLockKey(organizationId)}::int4)`

  const last = await tx.auditEvent.findFirst({
    where: { organizationId },
    orderBy: { chainSeq: 'desc' },
    select: { chainSeq: true, hash: true },
  })
  let prevHash: string | null = null
  if (last) prevHash = last.hash ?? (await sealLegacyPrefix(tx, organizationId))

  const createdAt = new Date()
  const data = entry.data === undefined ? null : plainJson(entry.data)
  const fields: AuditEventFields = {
    id: uuidV7(createdAt.getTime()),
    organizationId,
    actorUserId: entry.actorUserId === null ? null : entry.actorUserId.toLowerCase(),
    actorRole: entry.actorRole,
    action: wellFormed(entry.action),
    targetType: entry.targetType == null ? null : wellFormed(entry.targetType),
    targetId: entry.targetId == null ? null : wellFormed(entry.targetId),
    data,
    createdAt,
    chainSeq: (last?.chainSeq ?? 0n) + 1n,
    prevHash,
  }
  const hash = contentHash(auditEventContent(fields))
  const { data: _data, ...columns } = fields
  const created = await tx.auditEvent.create({
    data: { ...columns, ...(data === null ? {} : { data: data as Prisma.InputJsonValue }), hash },
  })
  // What the database gives back is what `pnpm audit:verify` will hash; a difference is a bug here, and
  // failing now (rolling the caller back) beats a chain that later looks tampered with.
  if (contentHash(auditEventContent(created)) !== hash) {
    throw new Error(
      `The audit event "${entry.action}" reads back differently than it was hashed; not recorded.`,
    )
  }
  return created
}

/** The second lock key: the organisation's id folded to 32 bits (0 for no organisation). */
function chainLockKey(organizationId: string | null): number {
  if (organizationId === null) return 0
  return createHash('sha256').update(organizationId).digest().readInt32BE(0)
}

/**
 * Events written before the chain existed have no stored hash. Their hashes are computed as if they had
 * been chained, and the first hashed event links to the last of them: from then on changing any of them
 * breaks the chain.
 */
async function sealLegacyPrefix(tx: Tx, organizationId: string | null): Promise<string | null> {
  let prev: string | null = null
  for await (const event of chainEvents(tx, organizationId)) {
    if (event.hash !== null) break
    prev = contentHash(auditEventContent({ ...event, prevHash: prev }))
  }
  return prev
}

/** The chain's events in order, a page at a time. */
async function* chainEvents(
  db: Tx,
  organizationId: string | null,
  pageSize = 1000,
): AsyncGenerator<AuditEvent> {
  let after = 0n
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { organizationId, chainSeq: { gt: after } },
      orderBy: { chainSeq: 'asc' },
      take: pageSize,
    })
    yield* page
    const last = page.at(-1)
    if (!last || page.length < pageSize) return
    after = last.chainSeq
  }
}

export interface AuditChainBreak {
  /** The chain: its organisation, or null for the events of no organisation. */
  organizationId: string | null
  eventId: string
  chainSeq: bigint
  /** What is wrong, as a sentence that follows "event <id> (position <n>)". */
  problem: string
}

export interface AuditChainReport {
  chains: number
  /** Events checked (in a broken chain, those before the break). */
  events: number
  /** Events written before the chain existed, without a stored hash (see sealLegacyPrefix). */
  legacyEvents: number
  /** The first broken link of each broken chain; empty when every chain is intact. */
  breaks: AuditChainBreak[]
}

/**
 * Walks every chain in order and recomputes it: positions without gaps, each prevHash equal to the
 * previous event's hash, each hash equal to the SHA-256 of the event's canonical content.
 */
export async function verifyAuditChains(
  db: Tx,
  options: { pageSize?: number } = {},
): Promise<AuditChainReport> {
  const groups = await db.auditEvent.groupBy({ by: ['organizationId'] })
  const chains = groups
    .map((group) => group.organizationId)
    .sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
  const report: AuditChainReport = { chains: chains.length, events: 0, legacyEvents: 0, breaks: [] }
  for (const organizationId of chains) {
    const broken = await verifyChain(db, organizationId, options.pageSize ?? 1000, report)
    if (broken) report.breaks.push(broken)
  }
  return report
}

async function verifyChain(
  db: Tx,
  organizationId: string | null,
  pageSize: number,
  report: AuditChainReport,
): Promise<AuditChainBreak | null> {
  let expected = 1n
  let prev: string | null = null
  let previous: AuditEvent | null = null
  let legacy = 0
  for await (const event of chainEvents(db, organizationId, pageSize)) {
    const broken = (problem: string): AuditChainBreak => ({
      organizationId,
      eventId: event.id,
      chainSeq: event.chainSeq,
      problem,
    })
    if (event.chainSeq !== expected) {
      const missing =
        event.chainSeq - expected === 1n
          ? `position ${expected} is`
          : `positions ${expected}–${event.chainSeq - 1n} are`
      return broken(`follows ${previous ? `event ${previous.id}` : 'nothing'}: ${missing} missing`)
    }
    if (event.hash === null) {
      if (previous?.hash) return broken(`has no hash, yet the event before it (${previous.id}) has one`)
      if (event.prevHash !== null) return broken('has a prevHash but no hash')
      prev = contentHash(auditEventContent({ ...event, prevHash: prev }))
      legacy++
    } else {
      if (event.prevHash !== prev) {
        if (previous === null) return broken('is first in its chain, yet has a prevHash')
        if (previous.hash === null) {
          return broken(
            `does not link to the ${legacy} event(s) before it, written before the chain was hashed: ` +
              'one of them was changed, added or removed',
          )
        }
        return broken(`has a prevHash that is not the hash of the event before it (${previous.id})`)
      }
      if (contentHash(auditEventContent(event)) !== event.hash) {
        return broken('does not match its hash: it was changed after it was written')
      }
      prev = event.hash
    }
    previous = event
    expected++
    report.events++
  }
  report.legacyEvents += legacy
  return null
}

/** One line naming a broken link: its chain, the event, its position and what is wrong. */
export function describeAuditChainBreak(broken: AuditChainBreak): string {
  const chain =
    broken.organizationId === null
      ? 'chain of events without organisation'
      : `chain of organisation ${broken.organizationId}`
  return `${chain}: event ${broken.eventId} (position ${broken.chainSeq}) ${broken.problem}`
}

/** What JSON and the database keep of a value: JSON's own round trip, strings made well-formed. */
function plainJson(value: Prisma.InputJsonValue): Prisma.JsonValue {
  const text = JSON.stringify(value)
  return text === undefined ? null : wellFormedDeep(JSON.parse(text) as Prisma.JsonValue)
}

function wellFormedDeep(value: Prisma.JsonValue): Prisma.JsonValue {
  if (typeof value === 'string') return wellFormed(value)
  if (Array.isArray(value)) return value.map(wellFormedDeep)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [wellFormed(key), wellFormedDeep(member ?? null)]),
    )
  }
  return value
}

/** Lone UTF-16 surrogates become U+FFFD, as they do on their way into the database as UTF-8. */
function wellFormed(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}

/** A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. */
export function uuidV7(milliseconds: number): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(milliseconds, 0, 6)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
