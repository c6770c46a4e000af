import { DEMO_PASSWORD, expectActivePair } from './support/session.ts'
import { expect, test } from './support/test.ts'

test('the sign-in page checks the form on submit, with a summary linking to the fields', async ({ page }) => {
  await page.goto('/logga-in')
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible()
  await expect(page.getByText('Ditt användarnamn är oftast din e-postadress.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Glömt/skapa nytt lösenord' })).toBeVisible()

  await page.getByRole('button', { name: 'Logga in' }).click()

  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await summary.getByRole('link', { name: 'Ange ditt lösenord.' }).click()
  await expect(page.getByLabel('Lösenord', { exact: true })).toBeFocused()
  await expect(page.getByLabel('Användarnamn')).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('Användarnamn').fill('bertil@norrby.example')
  await page.getByLabel('Lösenord', { exact: true }).fill('inte-rätt-lösenord')
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' })).toBeVisible()
  await expect(page.getByLabel('Lösenord', { exact: true })).toHaveValue('')
})

test('a page that needs sign-in sends an anonymous person to "Logga in" and back after the chooser', async ({
  page,
}) => {
  await page.goto('/mina-uppgifter')

  await expect(page).toHaveURL(/\/logga-in\?redirect=%2Fmina-uppgifter$/)
  await expect(
    page.getByRole('status').filter({ hasText: 'Du behöver logga in för att se sidan.' }),
  ).toBeVisible()
  await page.getByLabel('Användarnamn').fill('erik@journalsystem.example')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()

  await expect(page.getByText('Gå vidare som:')).toBeVisible()
  await page.getByRole('button', { name: 'Beställare hos Journalsystem AB (demo)' }).click()

  await expect(page).toHaveURL(/\/mina-uppgifter$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible()
  await expectActivePair(page, 'Beställare hos Journalsystem AB (demo)')
})

test('the sign-in page and the chooser in English', async ({ page }) => {
  await page.goto('/logga-in')
  await page.getByRole('button', { name: 'English' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await expect(page).toHaveTitle('Log in – Kundnav')
  await expect(page.getByText('Your username is usually your e-mail address.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Forgotten/create new password' })).toBeVisible()

  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem with the form' })).toContainText(
    'Enter your username.',
  )

  await page.getByLabel('Username').fill('greta@byran.example')
  await page.getByLabel('Password', { exact: true }).fill('wrong password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password.' })).toBeVisible()

  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Choose a role' })).toBeVisible()
  const choices = page.getByRole('group', { name: 'Continue as:' }).getByRole('button')
  await expect(choices).toHaveText([
    'Administrator at Byrån Redovisning AB (demo)',
    'Case officer at Byrån Redovisning AB (demo)',
  ])
  await choices.nth(1).click()

  const account = page.getByRole('banner').getByRole('navigation', { name: 'Your account' })
  await expect(
    account.getByText('Case officer at Byrån Redovisning AB (demo)', { exact: true }),
  ).toBeVisible()
  await expect(account.getByRole('button', { name: 'Switch to …' })).toBeVisible()
  await expect(account.getByRole('link', { name: 'My details' })).toBeVisible()
  await expect(account.getByRole('button', { name: 'Log out' })).toBeVisible()
})
