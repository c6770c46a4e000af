import { type APIRequestContext, expect } from '@playwright/test'

export interface MailboxMessage {
  id: string
  recipient: string
  subject: string | null
  text: string
}

/** The newest message to `recipient` in the development mailbox (tRPC `devMailbox.list`), if any. */
export async function newestMail(
  request: APIRequestContext,
  recipient: string,
): Promise<MailboxMessage | null> {
  const input = encodeURIComponent(JSON.stringify({ recipient, limit: 1 }))
  const response = await request.get(`/api/trpc/devMailbox.list?input=${input}`, {
    headers: { 'x-kundnav-csrf': '1' },
  })
  expect(response.status(), await response.text()).toBe(200)
  const body = (await response.json()) as { result: { data: { items: MailboxMessage[] } } }
  return body.result.data.items[0] ?? null
}

/**
 * Waits for a message to `recipient` newer than `previousId` (the outbox worker delivers within about a
 * second) and returns the first http(s) link in it.
 */
export async function waitForMailLink(
  request: APIRequestContext,
  recipient: string,
  previousId: string | null,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const mail = await newestMail(request, recipient)
    if (mail && mail.id !== previousId) {
      const link = mail.text.match(/https?:\/\/\S+/)?.[0]
      if (!link) throw new Error(`The newest mail to ${recipient} has no link:\n${mail.text}`)
      return link
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No new mail to ${recipient} within ${timeoutMs / 1000} s`)
}
