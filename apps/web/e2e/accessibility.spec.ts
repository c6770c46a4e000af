import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { choosePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

/** Waits for the page's one h1, so axe sees the page and not its loading state. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Laddar|Loading/ })).toHaveCount(0)
}

test('pages open to everyone meet WCAG 2.1 AA as axe checks it, in Swedish and English', async ({ page }) => {
  for (const path of [
    '/',
    '/logga-in',
    '/glomt-losenord',
    '/nytt-losenord?token=finns-inte',
    '/finns-inte',
    '/dev/mailbox',
  ]) {
    await visit(page, path)
    await expectNoAxeViolations(page)
  }
  await page.goto('/logga-in')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Log in|Sign in/)
  await expectNoAxeViolations(page)
})

test('the sign-in form with its errors shown meets WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/logga-in')
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByText('Det finns fel i formuläret')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('an administrator’s pages meet WCAG 2.1 AA', async ({ page }) => {
  await signIn(page, 'anna.andersson@norrby.example')
  await expectNoAxeViolations(page)
  await choosePair(page, 'Administratör hos Region Norrby (demo)')
  for (const path of ['/medlemmar', '/logg', '/mina-uppgifter', '/mina-inloggningar']) {
    await visit(page, path)
    await expectNoAxeViolations(page)
  }
  await page.goto('/medlemmar')
  await page.getByRole('button', { name: 'Lägg till person' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('Registrera handläggare and the support page meet WCAG 2.1 AA', async ({ page, browser }) => {
  await signIn(page, 'testbanken')
  await choosePair(page, 'Ansvarig hos Testbanken AB (demo)')
  await visit(page, '/handlaggare')
  await expectNoAxeViolations(page)

  const support = await browser.newPage()
  await signIn(support, 'support@servicemyndigheten.example')
  await visit(support, '/support')
  await expectNoAxeViolations(support)
  await support.close()
})
