import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Db, enqueueMail, enqueueSms, MAX_DELIVERY_ATTEMPTS, PermanentDeliveryError } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { byChannel, createSmsGateway } from './sms-gateway.ts'
import { mailboxTransport } from './transports.ts'
import { OutboxWorker } from './worker.ts'

/** A fake SMS provider on this machine: answers with `status` (or not at all), recording each request. */
const requests: { method: string; url: string; authorization: string; body: URLSearchParams }[] = []
let status = 200
let server: Server
let baseUrl: string

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    request.on('end', () => resolve(text))
  })
}

let db: Db
const logger = pino({ level: 'silent' })

beforeAll(async () => {
  db = await createTestDb()
  server = createServer(async (request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization ?? '',
      body: new URLSearchParams(await bodyOf(request)),
    })
    if (status === 0) return // no answer: the gateway times out
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(status < 300 ? '{"status":"created"}' : 'Invalid to number')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await db.close()
})
beforeEach(async () => {
  requests.length = 0
  status = 200
  await db.prisma.outboxMessage.deleteMany()
})

const gateway = (timeoutMs = 2000) =>
  createSmsGateway({
    url: `${baseUrl.replace('//', '//kundnav:hemligt%21@')}/a1/sms`,
    sender: 'Kundnav',
    timeoutMs,
  })

async function queuedSms() {
  return enqueueSms(db.prisma, { to: '+46701234567', text: 'Kod 123456 för att byta lösenord i Kundnav' })
}

const worker = (timeoutMs?: number) =>
  new OutboxWorker({ db, transport: byChannel(mailboxTransport, gateway(timeoutMs)), logger, pollMs: 10 })

describe('the SMS gateway', () => {
  it('posts the SMS as the provider expects it: form fields, basic auth, no credentials in the address', async () => {
    const sms = await queuedSms()
    expect(await worker().runOnce()).toBe(1)
    expect(requests).toHaveLength(1)
    const [request] = requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/a1/sms')
    expect(request?.authorization).toBe(`Basic ${Buffer.from('kundnav:hemligt!').toString('base64')}`)
    expect(Object.fromEntries(request?.body ?? [])).toEqual({
      from: 'Kundnav',
      to: '+46701234567',
      message: 'Kod 123456 för att byta lösenord i Kundnav',
    })
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(row).toMatchObject({ status: 'SENT', deliveredVia: 'sms-gateway' })
  })

  it('retries after a 5xx with a growing delay, and sets the message aside after the last try, error kept', async () => {
    status = 503
    const sms = await queuedSms()
    const firstTry = Date.now()
    expect(await worker().runOnce()).toBe(0)
    const first = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(first.lastError).toMatch(/503/)
    expect(first.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
    // The next try, when it is due: the delay grows.
    await db.prisma.outboxMessage.update({ where: { id: sms.id }, data: { nextAttemptAt: new Date() } })
    const before = Date.now()
    await worker().runOnce()
    const second = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(second.attempts).toBe(2)
    expect(second.nextAttemptAt.getTime() - before).toBeGreaterThan(first.nextAttemptAt.getTime() - firstTry)
    // The last try.
    await db.prisma.outboxMessage.update({
      where: { id: sms.id },
      data: { attempts: MAX_DELIVERY_ATTEMPTS - 1, nextAttemptAt: new Date() },
    })
    await worker().runOnce()
    const dead = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(dead).toMatchObject({ status: 'DEAD', attempts: MAX_DELIVERY_ATTEMPTS })
    expect(dead.lastError).toMatch(/SMS gateway answered 503/)
  })

  it('does not retry what the gateway refused with a 4xx: set aside at once, its answer kept', async () => {
    status = 400
    const sms = await queuedSms()
    await worker().runOnce()
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(row).toMatchObject({ status: 'DEAD', attempts: 1 })
    expect(row.lastError).toBe('SMS gateway answered 400: Invalid to number')
    await db.prisma.outboxMessage.update({ where: { id: sms.id }, data: { nextAttemptAt: new Date() } })
    await worker().runOnce()
    expect(requests).toHaveLength(1)
  })

  it('retries a gateway that does not answer in time', async () => {
    status = 0
    const sms = await queuedSms()
    await worker(200).runOnce()
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(row.lastError).toMatch(/timeout|aborted/i)
  })

  it('in development without a gateway, puts SMS in the development mailbox like mail', async () => {
    const sms = await queuedSms()
    await new OutboxWorker({
      db,
      transport: byChannel(mailboxTransport, mailboxTransport),
      logger,
      pollMs: 10,
    }).runOnce()
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })
    expect(row).toMatchObject({ status: 'SENT', deliveredVia: 'mailbox' })
    expect(requests).toHaveLength(0)
  })

  it('sends mail the mail way, and sets SMS aside when SMS is switched off', async () => {
    await enqueueMail(db.prisma, { to: 'anna@norrby.example', subject: 'Hej', text: 'Välkommen' })
    const sms = await queuedSms()
    await new OutboxWorker({ db, transport: byChannel(mailboxTransport, null), logger, pollMs: 10 }).runOnce()
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { channel: 'asc' } })
    expect(rows.map((row) => [row.channel, row.status, row.deliveredVia])).toEqual([
      ['EMAIL', 'SENT', 'mailbox'],
      ['SMS', 'DEAD', null],
    ])
    expect(rows.find((row) => row.id === sms.id)?.lastError).toMatch(/SMS_ENABLED=false/)
    expect(requests).toHaveLength(0)
    expect(new PermanentDeliveryError('x')).toBeInstanceOf(Error)
  })
})
