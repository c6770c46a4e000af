import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test'
import { signInAs } from './admin.ts'
import { type MailboxMessage, newestMail } from './mailbox.ts'
import {
  continueTo,
  fillWebcertFields,
  ORDERER,
  ORDERER_PAIR,
  startOrder,
  WEBCERT_VIA_AGENT,
} from './order.ts'
import { BASE_URL_ENV } from './server.ts'

/** The demo people of the approval chain (README.md), with their verified demo numbers. */
export const AGENT = 'erik@journalsystem.example'
export const AGENT_PAIR = 'Beställare hos Journalsystem AB (demo)'
export const AGENT_ATTESTER = {
  email: 'fatima@journalsystem.example',
  name: 'Fatima Attestant',
  mobile: '+46701000008',
}
export const CUSTOMER_ATTESTER = {
  email: 'cecilia@norrby.example',
  name: 'Cecilia Attestant',
  mobile: '+46701000005',
}
export const REVIEWER = 'granskare@servicemyndigheten.example'
export const REVIEWER_PAIR = 'Granskare hos Servicemyndigheten (demo)'
export { ORDERER, ORDERER_PAIR }

/** A browser of someone else's: a fresh context, as another person at another computer. */
export async function otherBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env[BASE_URL_ENV],
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  })
  return context.newPage()
}

/** The newest message to `recipient` whose subject is `subject`, waiting for it; its first link. */
export async function mailLink(
  request: APIRequestContext,
  recipient: string,
  subject: string,
  timeoutMs = 20_000,
): Promise<{ message: MailboxMessage; link: string }> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const message = await newestMail(request, recipient)
    if (message?.subject === subject) {
      const link = message.text.match(/https?:\/\/\S+/)?.[0]
      if (!link) throw new Error(`The mail "${subject}" has no link:\n${message.text}`)
      return { message, link }
    }
    if (Date.now() > deadline) {
      throw new Error(`No mail "${subject}" to ${recipient} (newest: ${message?.subject ?? 'none'})`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The id of the newest message to `recipient` now, so a later one can be told apart. */
export async function newestId(request: APIRequestContext, recipient: string): Promise<string | null> {
  return (await newestMail(request, recipient))?.id ?? null
}

/** The code in the first SMS to `mobile` after `previousId`. */
export async function smsCode(
  request: APIRequestContext,
  mobile: string,
  previousId: string | null,
): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const sms = await newestMail(request, mobile)
    if (sms && sms.id !== previousId) {
      const code = sms.text.match(/\b\d{6}\b/)?.[0]
      if (!code) throw new Error(`The SMS to ${mobile} has no code:\n${sms.text}`)
      return code
    }
    if (Date.now() > deadline) throw new Error(`No SMS to ${mobile}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Bertil orders Webcert Integrerad – via agent through Journalsystem AB (demo), with Cecilia as attestant and
 * the invoice address `reference`; returns the order's number and id.
 */
export async function orderViaAgent(
  page: Page,
  careUnits: string,
  reference: string,
): Promise<{ number: string; id: string }> {
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, WEBCERT_VIA_AGENT)
  await fillWebcertFields(page, careUnits)
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  for (const question of await page.getByRole('checkbox').all()) await question.check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Storgatan 1')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('901 23')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill(reference)
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: CUSTOMER_ATTESTER.name }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  const number =
    (await page
      .getByRole('main')
      .getByText(/^B-\d{4}-\d{6}$/)
      .textContent()) ?? ''
  const id = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  return { number, id }
}

/** On a signing link: "Godkänn och attestera", "Engångslösenord via SMS", "OK", then the SMS code. */
export async function attestOnLink(page: Page, mobile: string): Promise<void> {
  const before = await newestId(page.request, mobile)
  await page.getByRole('button', { name: 'Godkänn och attestera' }).click()
  await expect(page.getByRole('radio', { name: 'Engångslösenord via SMS' })).toBeChecked()
  await page.getByRole('button', { name: 'OK', exact: true }).click()
  const code = await smsCode(page.request, mobile, before)
  await page.getByRole('textbox', { name: 'Kod från sms' }).fill(code)
  await page.getByRole('button', { name: 'Attestera', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är attesterad' })).toBeVisible()
  // The panel acted from is gone: focus goes to the confirmation.
  await expect(page.getByRole('status').filter({ hasText: 'Beställningen är attesterad.' })).toBeFocused()
}

const END_ORDER = {
  withdraw: {
    button: 'Återkalla beställningen',
    title: 'Återkalla beställning',
    confirm: 'Återkalla beställningen',
    done: 'Beställningen är återkallad.',
    status: 'Återkallad',
  },
  reject: {
    button: 'Avslå',
    title: 'Avslå beställning',
    confirm: 'Avslå beställningen',
    done: 'Beställningen är avslagen.',
    status: 'Avslagen',
  },
} as const

/**
 * On the order's page, ends it the way a person would: the orderer's "Återkalla beställningen" (until the
 * first attestation) or the agent's or provider's "Avslå", with `reason`. Specs share one database, so an
 * order a test leaves running would be counted by later ones ("redan 1 beställning … som pågår", the queues).
 */
export async function endOrder(
  page: Page,
  how: keyof typeof END_ORDER,
  number: string,
  reason: string,
): Promise<void> {
  const texts = END_ORDER[how]
  await expect(page.getByRole('heading', { level: 1, name: `Beställning ${number}` })).toBeVisible()
  await page
    .getByRole('region', { name: 'Att göra' })
    .getByRole('button', { name: texts.button, exact: true })
    .click()
  const dialog = page.getByRole('dialog', { name: `${texts.title} ${number}?` })
  await dialog.getByRole('textbox', { name: 'Motivering' }).fill(reason)
  await dialog.getByRole('button', { name: texts.confirm }).click()
  await expect(page.getByRole('status').filter({ hasText: texts.done })).toBeVisible()
  const status = page.getByRole('region', { name: 'Status' })
  await expect(status).toContainText(texts.status)
  await expect(status).toContainText(reason)
}
