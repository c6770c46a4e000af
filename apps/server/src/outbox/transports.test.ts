import type { AddressInfo } from 'node:net'
import type { OutboxMessage } from '@kundnav/db'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSmtpTransport } from './transports.ts'

const received: { to: string[]; raw: string }[] = []
let server: SMTPServer
let port: number

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function message(overrides: Partial<OutboxMessage>): OutboxMessage {
  return {
    id: '0193a7b2-0000-7000-8000-000000000001',
    channel: 'EMAIL',
    recipient: 'anna@norrby.example',
    subject: 'Välkommen till Kundnav',
    text: 'Hej Anna!\nFölj länken för att välja lösenord.',
    html: null,
    messageId: '<0193a7b2-stable@kundnav.local>',
    status: 'PENDING',
    attempts: 1,
    nextAttemptAt: new Date(),
    lastError: null,
    deliveredVia: null,
    createdAt: new Date(),
    sentAt: null,
    ...overrides,
  }
}

describe('SMTP transport', () => {
  it('delivers the mail to a real SMTP server with the outbox Message-ID, sender and Swedish text intact', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, 'Kundnav <no-reply@kundnav.example>')
    await transport.deliver(message({}))
    transport.close()

    expect(received).toHaveLength(1)
    expect(received[0]?.to).toEqual(['anna@norrby.example'])
    const mail = await simpleParser(received[0]?.raw ?? '')
    expect(mail.messageId).toBe('<0193a7b2-stable@kundnav.local>')
    expect(mail.subject).toBe('Välkommen till Kundnav')
    expect(mail.text).toContain('Följ länken')
    expect(mail.from?.text).toContain('no-reply@kundnav.example')
  })

  it('fails (so the worker retries) when the SMTP server cannot be reached', async () => {
    const transport = createSmtpTransport('smtp://127.0.0.1:1', 'Kundnav <no-reply@kundnav.example>')
    await expect(transport.deliver(message({}))).rejects.toThrow()
    transport.close()
  })

  it('refuses SMS, which needs a gateway, rather than mailing it', async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, 'Kundnav <no-reply@kundnav.example>')
    await expect(transport.deliver(message({ channel: 'SMS', recipient: '+46701234567' }))).rejects.toThrow(
      /SMS/,
    )
    transport.close()
  })
})
