import type { Page } from '@playwright/test'
import { signInAs, uniquePerson, waitForMail } from './support/admin.ts'
import { newestMail, waitForMailLink } from './support/mailbox.ts'
import { BASE_URL_ENV } from './support/server.ts'
import { accountNav, expectActivePair, fillSignIn, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

/** The frame's confirmation once a password from a mailed link is saved. */
const SAVED_AND_SIGNED_IN = 'Ditt lösenord är sparat och du är inloggad.'

// David's password is changed here: no other test signs in as him.
const DAVID = 'david@norrby.example'
const DAVID_NEW_PASSWORD = 'en lång mening som david minns'

async function requestReset(page: Page, username: string): Promise<string> {
  await page.goto('/glomt-losenord')
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt/skapa nytt lösenord' })).toBeVisible()
  await page.getByLabel('Användarnamn').fill(username)
  await page.getByRole('button', { name: 'Skicka' }).click()
  const answer = page.getByRole('status').filter({ hasText: 'Om det finns ett konto' })
  await expect(answer).toBeVisible()
  return (await answer.textContent()) ?? ''
}

test('after ten wrong passwords sign-in waits; a new password from the mailed link clears that at once', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000)
  await page.goto('/logga-in')
  for (let attempt = 1; attempt <= 10; attempt++) {
    const answered = page.waitForResponse('**/api/auth/callback/credentials')
    await fillSignIn(page, DAVID, `fel lösenord nummer ${attempt}`)
    await answered
    await expect(
      page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }),
    ).toBeVisible()
  }

  await fillSignIn(page, DAVID, 'fel lösenord nummer 11')
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /För många misslyckade inloggningar\. Vänta \d+ (sekunder|minuter?) / }),
  ).toBeVisible()

  // "Glömt/skapa nytt lösenord" → the mailed link → a new password.
  const before = await newestMail(request, DAVID)
  await page.getByRole('link', { name: 'Glömt/skapa nytt lösenord' }).click()
  await requestReset(page, DAVID)
  const link = await waitForMailLink(request, DAVID, before?.id ?? null)
  expect(link).toContain('/nytt-losenord?token=')

  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa nytt lösenord' })).toBeVisible()
  await expect(page.getByText(`Lösenordet gäller användarnamnet ${DAVID}.`)).toBeVisible()

  // Checked on submit: too short, not repeated; then a common one the server refuses.
  await page.getByLabel('Nytt lösenord').fill('kort')
  await page.getByRole('button', { name: 'Spara lösenordet' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toContainText('Lösenordet måste ha minst 12 tecken.')
  await expect(summary).toContainText('Skriv lösenordet en gång till.')

  await page.getByLabel('Nytt lösenord').fill('lösenordlösenord')
  await page.getByLabel('Upprepa lösenordet').fill('lösenordlösenord')
  await page.getByRole('button', { name: 'Spara lösenordet' }).click()
  await expect(summary).toContainText('Lösenordet är för vanligt och lätt att gissa.')

  await page.getByLabel('Nytt lösenord').fill(DAVID_NEW_PASSWORD)
  await page.getByLabel('Upprepa lösenordet').fill(DAVID_NEW_PASSWORD)
  await page.getByRole('button', { name: 'Spara lösenordet' }).click()

  // Signed in at once, without typing the username again; David has one role, so he is in as it.
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('status').filter({ hasText: SAVED_AND_SIGNED_IN })).toBeVisible()
  await expectActivePair(page, 'Kontaktperson för avtalet hos Region Norrby (demo)')
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })).toBeFocused()

  // The reset cleared the throttle: signing in again with the new password works at once.
  await accountNav(page).getByRole('button', { name: 'Logga ut' }).click()
  await expect(page).toHaveURL(/\/logga-in$/)
  await expect(page.getByRole('status').filter({ hasText: SAVED_AND_SIGNED_IN })).toHaveCount(0)
  await signIn(page, DAVID, DAVID_NEW_PASSWORD)
  await expectActivePair(page, 'Kontaktperson för avtalet hos Region Norrby (demo)')

  // The link is used up.
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Länken går inte att använda' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Länken är ogiltig eller har redan använts.')
  await expect(page.getByRole('alert').getByRole('link', { name: 'Glömt/skapa nytt lösenord' })).toBeVisible()
})

test('asking for a link for an unknown address gives the very same answer as for a known one', async ({
  page,
}) => {
  const unknown = await requestReset(page, 'ingen.sadan.person@example.invalid')
  const known = await requestReset(page, 'cecilia@norrby.example')
  expect(unknown).toBe(known)
  expect(known).toContain('Länken gäller i 60 minuter.')
})

test('a made-up link is refused clearly, with the way to a new one', async ({ page }) => {
  await page.goto('/nytt-losenord?token=det-har-ar-ingen-riktig-lank')

  await expect(page.getByRole('heading', { level: 1, name: 'Länken går inte att använda' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Länken är ogiltig eller har redan använts.')
  await page.getByRole('alert').getByRole('link', { name: 'Glömt/skapa nytt lösenord' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt/skapa nytt lösenord' })).toBeVisible()
})

test('a person invited with two roles is signed in by choosing a password, and chooses a role as after "Logga in"', async ({
  page,
  browser,
}) => {
  const person = uniquePerson('Tvaroll')
  await signInAs(page, 'anna.andersson@norrby.example', 'Administratör hos Region Norrby (demo)')
  await page.goto('/medlemmar')
  await page.getByRole('button', { name: 'Lägg till person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lägg till person' })
  await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill(person.name)
  await dialog.getByRole('textbox', { name: 'E-post' }).fill(person.email)
  await dialog.getByRole('checkbox', { name: 'Beställare' }).check()
  await dialog.getByRole('checkbox', { name: 'Attestant' }).check()
  await dialog.getByRole('button', { name: 'Spara' }).click()
  await expect(dialog).toBeHidden()
  const mail = await waitForMail(page.request, person.email, 'Välkommen till Kundnav')

  const context = await browser.newContext({ baseURL: process.env[BASE_URL_ENV] })
  const newcomer = await context.newPage()
  await newcomer.goto(mail.link)
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Välj ditt lösenord' })).toBeVisible()
  await newcomer.getByLabel('Nytt lösenord').fill('min egen långa mening')
  await newcomer.getByLabel('Upprepa lösenordet').fill('min egen långa mening')
  await newcomer.getByRole('button', { name: 'Spara lösenordet' }).click()

  // Signed in, no role chosen yet: "Gå vidare som:", as after signing in.
  await expect(newcomer).toHaveURL(/\/valj-roll$/)
  await expect(newcomer.getByRole('status').filter({ hasText: SAVED_AND_SIGNED_IN })).toBeVisible()
  await expect(accountNav(newcomer).getByText(person.name)).toBeVisible()
  await expect(newcomer.getByRole('group', { name: 'Gå vidare som:' }).getByRole('button')).toHaveText([
    'Beställare hos Region Norrby (demo)',
    'Attestant hos Region Norrby (demo)',
  ])
  await newcomer.getByRole('button', { name: 'Attestant hos Region Norrby (demo)' }).click()
  await expectActivePair(newcomer, 'Attestant hos Region Norrby (demo)')

  // The log shows the sign-in, as for any other.
  await page.goto('/logg?action=login.')
  const events = page.getByRole('table', { name: 'Händelser' })
  await expect(events.getByRole('row', { name: new RegExp(person.name) }).first()).toContainText('Loggade in')
  await context.close()
})
