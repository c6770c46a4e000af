import type { Prisma } from '../generated/prisma/client.ts'
import { nextNumber, stockholmYear } from '../numbers.ts'

/**
 * A few cases (seed 002) for the demo people, so "Mina ärenden" and support's queue show something after
 * `pnpm start`: one answered (Avslutat, with a dialogue), one waiting (Inkommit), one received by phone and
 * under way with news for its reporter, and one at the agent. Each is known by its fixed idempotency key,
 * so a second run adds nothing. No files (their bytes live in the file store), no mail, no audit events:
 * nothing happened, the data only looks as if it had.
 */
interface DemoCase {
  key: string
  reporter: string
  /** Who registered it: the reporter, or support for a phone case. */
  registeredBy?: string
  area: string
  subArea?: string
  subject: string
  message: string
  status: 'RECEIVED' | 'IN_PROGRESS' | 'CLOSED'
  /** Days before the seed ran that the case came in. */
  daysAgo: number
  messages?: { fromSupport: boolean; body: string; hoursLater: number }[]
  answer?: string
}

const SUPPORT = 'support@servicemyndigheten.example'

export const DEMO_CASES: DemoCase[] = [
  {
    key: '0193f5a0-0000-7000-8000-00000000c001',
    reporter: 'anna.andersson@norrby.example',
    area: 'LON',
    subArea: 'LON_SUPPORT',
    subject: 'Semesterdagar som saknas på lönebeskedet',
    message:
      'Hej!\n\nPå mitt lönebesked för oktober står det 18 sparade semesterdagar, men jag borde ha 23. Kan ni se vad som har hänt?\n\nAnna',
    status: 'CLOSED',
    daysAgo: 12,
    messages: [
      {
        fromSupport: true,
        body: 'Hej Anna! Tog du ut semester i augusti som registrerades i efterhand? Skicka gärna datumen.',
        hoursLater: 20,
      },
      {
        fromSupport: false,
        body: 'Ja, 4–8 augusti, men jag var sjuk 6–8 augusti och sjukanmälde mig.',
        hoursLater: 26,
      },
    ],
    answer:
      'Tack Anna! Sjukdagarna 6–8 augusti var registrerade som semester. Vi har rättat det, och de fem dagarna syns på ditt lönebesked för november.',
  },
  {
    key: '0193f5a0-0000-7000-8000-00000000c002',
    reporter: 'anna.andersson@norrby.example',
    area: 'IT',
    subject: 'Kommer inte in i Primula',
    message:
      'När jag loggar in i Primula får jag meddelandet ”Behörighet saknas”. Det fungerade i förra veckan.',
    status: 'RECEIVED',
    daysAgo: 1,
  },
  {
    key: '0193f5a0-0000-7000-8000-00000000c003',
    reporter: 'bertil@norrby.example',
    registeredBy: SUPPORT,
    area: 'EKONOMI',
    subject: 'Omföring mellan kostnadsställen',
    message:
      'Bertil ringde: en faktura från oktober har bokförts på fel kostnadsställe (4410 i stället för 4420) och behöver föras om.',
    status: 'IN_PROGRESS',
    daysAgo: 3,
    messages: [
      {
        fromSupport: true,
        body: 'Hej Bertil! Vilket fakturanummer gäller det? Då gör vi omföringen i dag.',
        hoursLater: 5,
      },
    ],
  },
  {
    key: '0193f5a0-0000-7000-8000-00000000c004',
    reporter: 'erik@journalsystem.example',
    area: 'EHANDEL',
    subject: 'Leverantörsfaktura fastnar i Visma Proceedo',
    message:
      'En leverantörsfaktura har stått i status ”Väntar på matchning” i två veckor. Hur går vi vidare?',
    status: 'RECEIVED',
    daysAgo: 6,
  },
]

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

export async function seedDemoCases(tx: Prisma.TransactionClient, now = new Date()): Promise<boolean> {
  let changed = false
  const organizationOf = async (userId: string) =>
    (
      await tx.membership.findFirst({
        where: { userId, organization: { type: 'CUSTOMER' } },
        orderBy: { id: 'asc' },
        select: { organizationId: true },
      })
    )?.organizationId
  for (const demo of DEMO_CASES) {
    const reporter = await tx.user.findUnique({ where: { email: demo.reporter }, select: { id: true } })
    const registrar = await tx.user.findUnique({
      where: { email: demo.registeredBy ?? demo.reporter },
      select: { id: true },
    })
    const support = await tx.user.findUnique({ where: { email: SUPPORT }, select: { id: true } })
    if (!reporter || !registrar || !support) continue
    const existing = await tx.case.findUnique({
      where: { createdByUserId_idempotencyKey: { createdByUserId: registrar.id, idempotencyKey: demo.key } },
      select: { id: true },
    })
    if (existing) continue
    const organizationId = await organizationOf(reporter.id)
    if (!organizationId) continue
    const createdAt = new Date(now.getTime() - demo.daysAgo * DAY)
    const messages = (demo.messages ?? []).map((message) => ({
      ...message,
      at: new Date(createdAt.getTime() + message.hoursLater * HOUR),
    }))
    const lastSupport = messages.filter((message) => message.fromSupport).at(-1)?.at
    const closedAt = demo.status === 'CLOSED' ? new Date(createdAt.getTime() + 2 * DAY) : null
    const statusSince =
      closedAt ?? (demo.status === 'IN_PROGRESS' ? new Date(createdAt.getTime() + 2 * HOUR) : createdAt)
    const record = await tx.case.create({
      data: {
        number: await nextNumber(tx, '', stockholmYear(createdAt)),
        organizationId,
        reporterUserId: reporter.id,
        createdByUserId: registrar.id,
        channel: demo.registeredBy ? 'PHONE' : 'PORTAL',
        area: demo.area,
        subArea: demo.subArea ?? null,
        subject: demo.subject,
        message: demo.message,
        status: demo.status,
        assigneeUserId: demo.status === 'RECEIVED' ? null : support.id,
        answer: demo.answer ?? null,
        createdAt,
        statusSince,
        providerActivityAt: closedAt ?? lastSupport ?? (demo.status === 'IN_PROGRESS' ? statusSince : null),
        closedAt,
        idempotencyKey: demo.key,
      },
    })
    for (const message of messages) {
      await tx.caseMessage.create({
        data: {
          caseId: record.id,
          authorUserId: message.fromSupport ? support.id : reporter.id,
          fromProvider: message.fromSupport,
          body: message.body,
          createdAt: message.at,
        },
      })
    }
    // The reporter has read what came before the last news (the phone case's question is news to them).
    if (!demo.registeredBy) {
      await tx.caseReadMark.create({ data: { caseId: record.id, userId: reporter.id, seenAt: createdAt } })
    }
    changed = true
  }
  return changed
}
