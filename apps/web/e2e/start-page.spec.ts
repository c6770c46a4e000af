import type { Page } from '@playwright/test'
import { fetchPortalInfo } from './support/api.ts'
import { expect, test } from './support/test.ts'

function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang)
}

test('the start page greets in Swedish and names the provider the API returns', async ({ page, request }) => {
  const info = await fetchPortalInfo(request)
  expect(info.providerName?.trim(), 'the demo data has a provider organisation').toBeTruthy()

  await page.goto('/')

  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  expect(await htmlLang(page)).toBe('sv')
  await expect(page).toHaveTitle('Kundnav')

  const provider = page.getByRole('region', { name: 'Portalen drivs av' })
  await expect(provider.getByText(info.providerName ?? '', { exact: true })).toBeVisible()

  // The frame: landmarks every page has.
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
})

test('switching to English changes the page and html[lang], and the choice survives a reload', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Kundnav' })).toBeVisible()
  await expect.poll(() => htmlLang(page)).toBe('en')
  await expect(page.getByRole('region', { name: 'This portal is run by' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible()

  await page.reload()

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Kundnav' })).toBeVisible()
  expect(await htmlLang(page)).toBe('en')

  await page.getByRole('button', { name: 'Svenska' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })).toBeVisible()
  await expect.poll(() => htmlLang(page)).toBe('sv')
})

test('an unknown address shows "Sidan finns inte" with a way back to the start page', async ({ page }) => {
  await page.goto('/finns-inte')

  await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible()
  await expect(page).toHaveTitle('Sidan finns inte – Kundnav')

  await page.getByRole('link', { name: 'Gå till startsidan' }).click()

  const heading = page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })
  await expect(heading).toBeVisible()
  // After a page change inside the app, focus starts at the new page's heading.
  await expect(heading).toBeFocused()
})

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })).toBeVisible()

  await page.keyboard.press('Tab')
  const skipLink = page.getByRole('link', { name: 'Hoppa till innehållet' })
  await expect(skipLink).toBeFocused()
  await expect(skipLink).toBeVisible()

  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

test('the start page shows a skeleton while loading, then the provider', async ({ page }) => {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/api/trpc/portal.info*', async (route) => {
    await released
    await route.continue()
  })

  await page.goto('/')
  const loading = page.getByRole('status').filter({ hasText: 'Hämtar uppgifter om portalen' })
  await expect(loading).toBeAttached()

  release()
  await expect(loading).toHaveCount(0)
  await expect(
    page.getByRole('region', { name: 'Portalen drivs av' }).getByRole('definition').first(),
  ).not.toBeEmpty()
})

test('the start page says so when the portal information cannot be loaded, and can try again', async ({
  page,
}) => {
  await page.route('**/api/trpc/portal.info*', (route) => route.abort('failed'))

  await page.goto('/')
  const alert = page.getByRole('alert')
  // The client retries network errors twice before giving up.
  await expect(alert).toContainText('Vi kunde inte hämta uppgifterna just nu.', { timeout: 15_000 })

  await page.unroute('**/api/trpc/portal.info*')
  await alert.getByRole('button', { name: 'Försök igen' }).click()

  await expect(
    page.getByRole('region', { name: 'Portalen drivs av' }).getByRole('definition').first(),
  ).not.toBeEmpty()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('the start page fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Kundnav' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Portalen drivs av' }).getByRole('definition').first(),
  ).not.toBeEmpty()

  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})
