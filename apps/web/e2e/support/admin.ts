import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test'
import { newestMail } from './mailbox.ts'
import { BASE_URL_ENV } from './server.ts'
import { activePair, choosePair, signIn } from './session.ts'

/** A fresh e-mail address (and name part) for each run, so runs against the same server don't collide. */
export function uniquePerson(prefix: string): { name: string; email: string; stamp: string } {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
  return { name: `${prefix} ${stamp}`, email: `${prefix.toLowerCase()}.${stamp}@example.se`, stamp }
}

/** Signs in and, if the person has several pairs, goes on as `pair` ("Administratör hos Region Norrby (demo)"). */
export async function signInAs(page: Page, username: string, pair: string, password?: string): Promise<void> {
  await signIn(page, username, password)
  const chooser = page.getByText('Gå vidare som:')
  const shown = activePair(page)
  await expect(chooser.or(shown).first()).toBeVisible()
  if (await chooser.isVisible()) await choosePair(page, pair)
  await expect(shown).toHaveText(pair)
}

/**
 * Waits for a mail to `recipient` whose subject starts with `subject` and returns the first http(s) link
 * in it. Only the newest mail is looked at: the person must not be sent anything else meanwhile.
 */
export async function waitForMail(
  request: APIRequestContext,
  recipient: string,
  subject: string,
  timeoutMs = 15_000,
): Promise<{ subject: string; link: string }> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mail = await newestMail(request, recipient)
    if (mail?.subject?.startsWith(subject)) {
      const link = mail.text.match(/https?:\/\/\S+/)?.[0]
      if (!link) throw new Error(`The mail "${mail.subject}" to ${recipient} has no link:\n${mail.text}`)
      return { subject: mail.subject, link }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `No mail "${subject}…" to ${recipient} within ${timeoutMs / 1000} s (newest: ${mail?.subject})`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * A new person's first sign-in in a browser of their own: follow the mailed link (which names `username`),
 * choose a password (at least 12 characters) — which signs them in at once. Returns the person's page;
 * close its context when done.
 */
export async function choosePasswordAndSignIn(
  browser: Browser,
  link: string,
  username: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env[BASE_URL_ENV],
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  })
  const page = await context.newPage()
  await page.goto(link)
  await expect(page.getByText(`Lösenordet gäller användarnamnet ${username}.`)).toBeVisible()
  await page.getByLabel('Nytt lösenord').fill(password)
  await page.getByLabel('Upprepa lösenordet').fill(password)
  await page.getByRole('button', { name: 'Spara lösenordet' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Ditt lösenord är sparat och du är inloggad.' }),
  ).toBeVisible()
  return page
}
