import { expect, test } from './support/test.ts'

test('the footer links to the development mailbox in demo mode, and its filter finds nothing for a stranger', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Utvecklingsbrevlåda' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Utvecklingsbrevlåda' })).toBeVisible()
  await expect(page).toHaveTitle('Utvecklingsbrevlåda – Kundnav')

  const stranger = 'ingen-sadan-mottagare@example.invalid'
  await page.getByLabel('Mottagare').fill(stranger)
  await page.getByRole('button', { name: 'Filtrera' }).click()

  await expect(page.getByText(`Inga meddelanden till mottagare som innehåller ”${stranger}”.`)).toBeVisible()
  await expect(page).toHaveURL(/[?&]recipient=/)

  await page.getByRole('button', { name: 'Visa alla meddelanden' }).click()
  await expect(page.getByLabel('Mottagare')).toHaveValue('')
  await expect(page).not.toHaveURL(/[?&]recipient=/)
})

test('the mailbox explains itself when the server is not in demo mode (NOT_FOUND)', async ({ page }) => {
  // Answer devMailbox.list as a production server does (the procedure exists only in demo mode). The
  // client batches calls (`/api/trpc/portal.info,devMailbox.list?batch=1`), so only its slot is replaced.
  await page.route('**/api/trpc/**', async (route) => {
    const procedures = new URL(route.request().url()).pathname.replace(/^\/api\/trpc\//, '').split(',')
    const slot = procedures.indexOf('devMailbox.list')
    if (slot === -1) return route.continue()
    const response = await route.fetch()
    const results = (await response.json()) as unknown[]
    results[slot] = {
      error: {
        message: 'Finns bara i demoläge.',
        code: -32004,
        data: { code: 'NOT_FOUND', httpStatus: 404, path: 'devMailbox.list' },
      },
    }
    await route.fulfill({ response, status: results.length > 1 ? 207 : 404, json: results })
  })

  await page.goto('/dev/mailbox')

  await expect(page.getByRole('heading', { level: 1, name: 'Utvecklingsbrevlåda' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Brevlådan finns bara i demoläge' })).toBeVisible()
  await expect(page.getByLabel('Mottagare')).toHaveCount(0)
})

test('messages are readable, their links clickable, and "Visa fler" fetches the next page', async ({
  page,
}) => {
  const message = (id: string, sentAt: string, subject: string | null, text: string, channel = 'EMAIL') => ({
    id,
    channel,
    recipient: channel === 'SMS' ? '+46701234567' : 'anna.andersson@example.se',
    subject,
    text,
    sentAt: new Date(sentAt),
    createdAt: new Date(sentAt),
  })
  const firstPage = {
    items: [
      message(
        'm3',
        '2026-11-22T13:05:00Z',
        'Välj ditt lösenord',
        'Hej Anna!\n\nVälj lösenord här: http://localhost/valj-losenord?token=abc123.\n\nHälsningar',
      ),
      message('m2', '2026-11-21T08:00:00Z', null, 'Din kod är 123456', 'SMS'),
    ],
    nextCursor: { sentAt: new Date('2026-11-21T08:00:00Z'), id: 'm2' },
  }
  const secondPage = {
    items: [message('m1', '2026-06-01T06:30:00Z', 'Välkommen till Kundnav', 'Första meddelandet.')],
    nextCursor: null,
  }

  // Serve the two pages as the server would (plain JSON), telling them apart by the cursor.
  await page.route('**/api/trpc/**', async (route) => {
    const url = new URL(route.request().url())
    const procedures = url.pathname.replace(/^\/api\/trpc\//, '').split(',')
    const slot = procedures.indexOf('devMailbox.list')
    if (slot === -1) return route.continue()
    const input = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, object | undefined>
    const output = 'cursor' in (input[String(slot)] ?? {}) ? secondPage : firstPage
    const response = await route.fetch()
    const results = (await response.json()) as unknown[]
    results[slot] = { result: { data: output } }
    await route.fulfill({ response, status: 200, json: results })
  })

  await page.goto('/dev/mailbox')

  const list = page.getByRole('list', { name: 'Meddelanden' })
  const mail = list.getByRole('article', { name: 'Välj ditt lösenord' })
  await expect(mail).toBeVisible()
  await expect(mail).toContainText('anna.andersson@example.se')
  await expect(mail).toContainText('22 nov. 2026 14:05')
  await expect(
    mail.getByRole('link', { name: 'http://localhost/valj-losenord?token=abc123' }),
  ).toHaveAttribute('href', 'http://localhost/valj-losenord?token=abc123')
  await expect(list.getByRole('article', { name: 'Sms till +46701234567' })).toContainText(
    'Din kod är 123456',
  )

  await page.getByRole('button', { name: 'Visa fler' }).click()

  const older = list.getByRole('heading', { level: 2, name: 'Välkommen till Kundnav' })
  await expect(older).toBeFocused()
  await expect(list.getByRole('article', { name: 'Välkommen till Kundnav' })).toContainText(
    '1 juni 2026 08:30',
  )
  await expect(page.getByRole('button', { name: 'Visa fler' })).toHaveCount(0)
  await expect(page.getByText('Det finns inga fler meddelanden.')).toBeVisible()
})

test('the mailbox fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/dev/mailbox')
  await expect(page.getByRole('heading', { level: 1, name: 'Utvecklingsbrevlåda' })).toBeVisible()
  await expect(page.getByLabel('Mottagare')).toBeVisible()

  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})
