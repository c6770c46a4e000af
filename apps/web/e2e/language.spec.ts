import { newestMail } from './support/mailbox.ts'
import { DEMO_PASSWORD, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

// Johan's language and password are changed here: no other test signs in as him. (Not Gustav Granskare:
// prices-and-terms.spec.ts needs the demo data's one Granskare as seeded.)
const JOHAN = 'johan@konsultbolaget.example'
/** His verified demo number: the password change asks for a code sent there. */
const JOHAN_MOBILE = '+46701000012'
const JOHAN_NEW_PASSWORD = 'johan konsultar på engelska nu'

test('the language chosen while signed in is kept: mail is written in it and the portal starts in it', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(60_000)
  await signIn(page, JOHAN)
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  const account = page.getByRole('banner').getByRole('navigation', { name: 'Your account' })
  await account.getByRole('link', { name: 'My details' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My details' })).toBeVisible()
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en')

  // Changing the password takes a code by SMS, and mails "password changed": both in English now.
  const before = await newestMail(request, JOHAN)
  const smsBefore = await newestMail(request, JOHAN_MOBILE)
  const passwordSection = page.getByRole('region', { name: 'Change password' })
  await expect(passwordSection).toContainText(
    'To change your password you need a code, which we send by text message to 070-100 00 12.',
  )
  await page.getByLabel('Current password').fill(DEMO_PASSWORD)
  await page.getByLabel('New password').fill(JOHAN_NEW_PASSWORD)
  await passwordSection.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordSection).toContainText(
    'We have sent a code to 070-*** ** 12. Enter it to change your password.',
  )
  await expect
    .poll(async () => (await newestMail(request, JOHAN_MOBILE))?.id ?? null, { timeout: 15_000 })
    .not.toBe(smsBefore?.id ?? null)
  const sms = await newestMail(request, JOHAN_MOBILE)
  const code = sms?.text.match(/\b\d{6}\b/)?.[0] ?? ''
  expect(sms?.text).toContain(`Code ${code} to change your password in Kundnav.`)
  await passwordSection.getByLabel('Code from text message').fill(code)
  await passwordSection.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed.' })).toBeVisible()
  await expect
    .poll(async () => (await newestMail(request, JOHAN))?.id ?? null, { timeout: 15_000 })
    .not.toBe(before?.id ?? null)

  // The development mailbox shows it as sent.
  await page.goto(`/dev/mailbox?recipient=${encodeURIComponent(JOHAN)}`)
  const mail = page.getByRole('article').first()
  await expect(mail.getByRole('heading', { level: 2 })).toHaveText('Your password has been changed')
  await expect(mail).toContainText('Hello Johan Konsult,')
  await expect(mail).toContainText(
    `The password for the username ${JOHAN} in Kundnav has just been changed, and all your other logins have been ended.`,
  )

  // Another browser, in Swedish until he signs in: then the portal is in English.
  const elsewhere = await browser.newContext()
  const other = await elsewhere.newPage()
  await signIn(other, JOHAN, JOHAN_NEW_PASSWORD)
  await expect(other.locator('html')).toHaveAttribute('lang', 'en')
  const otherAccount = other.getByRole('banner').getByRole('navigation', { name: 'Your account' })
  await otherAccount.getByRole('link', { name: 'My details' }).click()

  // "Språk" in My details: back to Swedish, and the page follows.
  await other.getByLabel('Language', { exact: true }).selectOption('sv')
  await other.getByRole('button', { name: 'Save details' }).click()
  await expect(other.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible()
  await expect(other.getByRole('status').filter({ hasText: 'Dina uppgifter är sparade.' })).toBeVisible()
  await expect(other.getByLabel('Språk', { exact: true })).toHaveValue('sv')
  await elsewhere.close()
})
