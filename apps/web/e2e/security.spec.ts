import { expect, test } from './support/test.ts'

// The server sends its Content-Security-Policy with every page; every browser test runs under it and fails
// on any violation (support/test.ts). These tests check that the policy is really on.

test('the portal refuses inline script, and the browser tests notice such a refusal', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.inlineScriptRan = true'
    document.head.append(script)
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true
  })
  expect(ran).toBe(false)
  await expect.poll(() => cspViolations.join('\n')).toMatch(/script-src/)
  // Provoked on purpose: not a finding.
  cspViolations.length = 0
})

test('no other site can show the portal in a frame', async ({ page, baseURL, cspViolations }) => {
  await page.setContent(`<iframe title="Kundnav i en ram" src="${baseURL}/logga-in"></iframe>`)
  await expect.poll(() => cspViolations.join('\n')).toMatch(/frame-ancestors/)
  await expect(page.frameLocator('iframe').getByRole('button', { name: 'Logga in' })).toHaveCount(0)
  cspViolations.length = 0
})

test('pages a test opens in a browser of their own are watched as well', async ({
  browser,
  cspViolations,
}) => {
  const other = await browser.newPage()
  await other.goto('/')
  await expect(other.getByRole('heading', { level: 1 })).toBeVisible()
  await other.evaluate(() => {
    const style = document.createElement('style')
    style.textContent = 'body { color: red }'
    document.head.append(style)
  })
  await expect.poll(() => cspViolations.join('\n')).toMatch(/style-src/)
  cspViolations.length = 0
  await other.close()
})
