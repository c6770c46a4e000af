import { type OutboxMessage, PermanentDeliveryError } from '@kundnav/db'
import type { Transport } from './transports.ts'

export interface SmsGatewayOptions {
  /** The provider's send endpoint with its credentials, e.g. https://user:password@api.46elks.com/a1/sms. */
  url: string
  /** Shown as the sender: up to 11 letters and digits (GSM alphanumeric sender id). */
  sender: string
  timeoutMs?: number
}

/**
 * SMS over an HTTP API in the style of 46elks (`POST /a1/sms`, form fields `from`, `to`, `message`, basic
 * auth). A 2xx answer is delivered; a 4xx is the gateway refusing this message for good (a bad number, no
 * credit, wrong credentials) and sets it aside without retrying; a 5xx, a timeout or no connection is
 * retried by the outbox with its backoff.
 */
export function createSmsGateway({ url, sender, timeoutMs = 10_000 }: SmsGatewayOptions): Transport {
  const endpoint = new URL(url)
  const authorization = endpoint.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(endpoint.username)}:${decodeURIComponent(endpoint.password)}`).toString('base64')}`
    : null
  endpoint.username = ''
  endpoint.password = ''
  return {
    name: 'sms-gateway',
    async deliver(message: OutboxMessage) {
      if (message.channel !== 'SMS') throw new Error('The SMS gateway delivers SMS only.')
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(authorization ? { authorization } : {}),
        },
        body: new URLSearchParams({ from: sender, to: message.recipient, message: message.text }),
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (response.ok) return
      const detail = (await response.text().catch(() => '')).slice(0, 300)
      const what = `SMS gateway answered ${response.status}${detail ? `: ${detail}` : ''}`
      if (response.status >= 400 && response.status < 500) throw new PermanentDeliveryError(what)
      throw new Error(what)
    },
  }
}

/** Mail to one transport, SMS to another (or, with SMS switched off, set aside with that reason). */
export function byChannel(email: Transport, sms: Transport | null): Transport {
  return {
    name: sms ? `${email.name}+${sms.name}` : email.name,
    deliveredVia: (message) => (message.channel === 'SMS' && sms ? sms.name : email.name),
    deliver(message) {
      if (message.channel === 'EMAIL') return email.deliver(message)
      if (!sms) throw new PermanentDeliveryError('SMS is switched off (SMS_ENABLED=false).')
      return sms.deliver(message)
    },
  }
}
