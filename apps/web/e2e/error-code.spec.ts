import type { Page } from '@playwright/test'
import { expect, test } from './support/test.ts'

const REQUEST_ID = '0b7e0a52-3c1f-4f6e-9d55-2f4a8f0c1d9e'

/**
 * Answers `procedure` the way the server answers a failure it did not expect: a generic message and the
 * request id under which the details are logged. Other calls in the same batch reach the server.
 */
async function failUnexpectedly(page: Page, procedure: string): Promise<void> {
  await page.route('**/api/trpc/**', async (route) => {
    const procedures = new URL(route.request().url()).pathname.replace(/^\/api\/trpc\//, '').split(',')
    const slot = procedures.indexOf(procedure)
    if (slot === -1) return route.continue()
    const response = await route.fetch()
    const results = (await response.json()) as unknown[]
    results[slot] = {
      error: {
        message: 'Något gick fel hos oss. Försök igen om en stund.',
        code: -32603,
        data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path: procedure, requestId: REQUEST_ID },
      },
    }
    await route.fulfill({ response, status: results.length > 1 ? 207 : 500, json: results })
  })
}

test('a page the server failed to load names the error code to give support', async ({ page }) => {
  await failUnexpectedly(page, 'session.get')
  await page.goto('/mina-uppgifter')
  await expect(page.getByRole('heading', { level: 1, name: 'Något gick fel' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByText(`Ange felkod ${REQUEST_ID} om du kontaktar supporten.`)).toBeVisible()
})

test('the error code is said in English too, also for a failure outside tRPC', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('kundnav.language', 'en'))
  // The server's generic JSON 500 (apps/server/src/http/unexpected-error.ts), for the whole batch.
  await page.route('**/api/trpc/**', async (route) => {
    const procedures = new URL(route.request().url()).pathname.split(',')
    if (!procedures.some((path) => path.endsWith('session.get'))) return route.continue()
    await route.fulfill({
      status: 500,
      json: { error: 'Något gick fel hos oss. Försök igen om en stund.', requestId: REQUEST_ID },
    })
  })
  await page.goto('/mina-uppgifter')
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByText(`Give error code ${REQUEST_ID} if you contact support.`)).toBeVisible()
})

test('a server error without a request id in its body still shows the one in its X-Request-Id header', async ({
  page,
}) => {
  await page.route('**/api/trpc/**', async (route) => {
    const procedures = new URL(route.request().url()).pathname.split(',')
    if (!procedures.some((path) => path.endsWith('session.get'))) return route.continue()
    await route.fulfill({
      status: 500,
      headers: { 'x-request-id': REQUEST_ID },
      json: procedures.map(() => ({
        error: {
          message: 'Något gick fel hos oss. Försök igen om en stund.',
          code: -32603,
          data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, requestId: null },
        },
      })),
    })
  })
  await page.goto('/mina-uppgifter')
  await expect(page.getByRole('heading', { level: 1, name: 'Något gick fel' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByText(`Ange felkod ${REQUEST_ID} om du kontaktar supporten.`)).toBeVisible()
})
