import { expect, type Locator, type Page } from '@playwright/test'

/** Every demo person's password (README.md); tests that change one use a person no other test signs in as. */
export const DEMO_PASSWORD = 'kundnav-demo-2026'

/** Signs in through the sign-in page, as a person would; waits until the page has moved on. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/logga-in')
  await fillSignIn(page, username, password)
  await expect(page).not.toHaveURL(/\/logga-in/)
}

export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Logga in' }).click()
}

/** "Gå vidare som:" → the pair's button ("Attestant hos Region Norrby (demo)"). */
export async function choosePair(page: Page, label: string): Promise<void> {
  await expect(page.getByText('Gå vidare som:')).toBeVisible()
  await page.getByRole('button', { name: label, exact: true }).click()
  await expectActivePair(page, label)
}

/** The header's account area. */
export function accountNav(page: Page): Locator {
  return page.getByRole('banner').getByRole('navigation', { name: 'Ditt konto' })
}

/** The active pair as the header shows it, next to the person's name. */
export function activePair(page: Page): Locator {
  return accountNav(page).locator('p').first().locator('span').nth(1)
}

/** The header shows `label` ("Attestant hos Region Norrby (demo)") as the active pair. */
export async function expectActivePair(page: Page, label: string): Promise<void> {
  await expect(activePair(page)).toHaveText(label)
}
