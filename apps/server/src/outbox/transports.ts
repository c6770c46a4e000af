import type { OutboxMessage } from '@kundnav/db'
import nodemailer from 'nodemailer'

/** Delivers one message or throws; the worker records the outcome. */
export interface Transport {
  /** Recorded on the message as `deliveredVia`. */
  readonly name: string
  /** The name to record for this message, when it depends on the message (one transport per channel). */
  deliveredVia?(message: OutboxMessage): string
  deliver(message: OutboxMessage): Promise<void>
}

/** Mail over SMTP. The outbox's Message-ID goes along, so a resend after a crash is the same message. */
export function createSmtpTransport(smtpUrl: string, from: string): Transport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl)
  return {
    name: 'smtp',
    async deliver(message) {
      if (message.channel !== 'EMAIL') {
        throw new Error('No SMS gateway is configured; SMS messages wait in the outbox.')
      }
      await transporter.sendMail({
        from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: message.messageId,
      })
    },
    close: () => transporter.close(),
  }
}

/**
 * The development mailbox: delivering means keeping the message where /dev/mailbox shows it
 * (the outbox row itself, marked as delivered via "mailbox"). Demo mode only.
 */
export const mailboxTransport: Transport = {
  name: 'mailbox',
  async deliver() {},
}
