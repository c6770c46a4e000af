import type { Locator, Page } from '@playwright/test'
import { signInAs } from './support/admin.ts'
import { expectActivePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

/**
 * A 360 px wide screen (UX.md: "works on a 360 px wide screen"): no list page scrolls sideways as a whole
 * — only a table may, inside its own labelled box — even with the longest addresses people have, and an
 * address wraps at its "@" and dots rather than anywhere. Every page is loaded at this width.
 */
test.use({ viewport: { width: 360, height: 740 } })

/** A fresh, realistically long address: many Swedish municipalities' and agencies' are this long. */
function longAddress(prefix: string): string {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
  return `${prefix}.kristoffersson-wahlstrom.${stamp}@kommunalforbundet-norrbotten.example.se`
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth, `the page ${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth)
}

/** The character each line of the element's text ends with, the last line left out. */
async function lineEnds(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const ends: string[] = []
    let previous: { char: string; top: number } | null = null
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const value = text.textContent ?? ''
      for (let index = 0; index < value.length; index++) {
        const range = document.createRange()
        range.setStart(text, index)
        range.setEnd(text, index + 1)
        const top = Math.round(range.getBoundingClientRect().top)
        if (previous && top > previous.top) ends.push(previous.char)
        previous = { char: value.charAt(index), top }
      }
    }
    return ends
  })
}

test('Medlemmar: no sideways scrolling with a long address, listed or searched for', async ({ page }) => {
  const email = longAddress('maximiliana')
  await signInAs(page, 'anna.andersson@norrby.example', 'Administratör hos Region Norrby (demo)')
  await page.goto('/medlemmar')
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Personer i organisationen' })).toBeVisible()
  await expectNoSidewaysScroll(page)

  await page.getByRole('button', { name: 'Lägg till person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lägg till person' })
  await dialog
    .getByRole('textbox', { name: 'Namn', exact: true })
    .fill('Maximiliana Kristoffersson-Wahlström')
  await dialog.getByRole('textbox', { name: 'E-post' }).fill(email)
  await dialog.getByRole('checkbox', { name: 'Attestant' }).check()
  await expectNoSidewaysScroll(page)
  await dialog.getByRole('button', { name: 'Spara' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('row', { name: /Maximiliana Kristoffersson-Wahlström/ }).first()).toBeVisible()
  await expectNoSidewaysScroll(page)

  // The search says what it searched for: the whole address, on a screen narrower than it.
  await page.getByRole('searchbox', { name: 'Sök person' }).fill(email)
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible()
  await expectNoSidewaysScroll(page)
})

test('Registrera handläggare: no sideways scrolling, and a long address wraps at "@" and dots', async ({
  page,
}) => {
  const email = longAddress('bartholomeus')
  await signInAs(page, 'testbanken', 'Ansvarig hos Testbanken AB (demo)')
  await page.goto('/handlaggare')
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera handläggare' })).toBeVisible()
  await expectNoSidewaysScroll(page)

  const external = page.getByRole('region', { name: 'Handläggare utanför din organisation' })
  await external.getByRole('button', { name: 'Lägg till' }).click()
  const dialog = page.getByRole('dialog', { name: 'Skapa ny extern handläggare' })
  await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill('Bartholomeus Vandervoort-Lindqvist')
  await dialog
    .getByRole('textbox', { name: 'Organisationsnamn' })
    .fill('Konsultbyråernas Samverkansorganisation för Digitalisering AB')
  await dialog.getByRole('textbox', { name: 'Användarnamn' }).fill(email)
  await dialog.getByRole('textbox', { name: 'E-post' }).fill(email)
  await expectNoSidewaysScroll(page)
  await dialog.getByRole('button', { name: 'Spara' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Handläggaren är sparad.' })).toBeVisible()
  await expectNoSidewaysScroll(page)

  const row = external.getByRole('row', { name: /Bartholomeus Vandervoort-Lindqvist/ })
  const address = row.getByRole('cell', { name: email, exact: true }).last()
  await expect(address).toBeVisible()
  // Shown in pieces, each line ending at a sensible point; copied or read out, it is one address.
  const ends = await lineEnds(address)
  expect(ends.length).toBeGreaterThan(0)
  for (const end of ends) expect(['@', '.', '-']).toContain(end)
})

test('the other list pages and the header fit too: Logg, Mina inloggningar, the mailbox, Support', async ({
  page,
}) => {
  await signInAs(page, 'anna.andersson@norrby.example', 'Administratör hos Region Norrby (demo)')
  const pages: [string, string][] = [
    ['/logg', 'Logg'],
    ['/mina-inloggningar', 'Mina inloggningar'],
    ['/mina-uppgifter', 'Mina uppgifter'],
    [`/dev/mailbox?recipient=${encodeURIComponent(longAddress('ingen'))}`, 'Utvecklingsbrevlåda'],
  ]
  for (const [path, heading] of pages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.getByRole('main').getByText('Hämtar')).toHaveCount(0)
    await expectNoSidewaysScroll(page)
  }

  // "Byt till …" open in the header.
  await page
    .getByRole('navigation', { name: 'Ditt konto' })
    .getByRole('button', { name: 'Byt till …' })
    .click()
  await expect(page.getByRole('button', { name: 'Attestant hos Region Norrby (demo)' })).toBeVisible()
  await expectNoSidewaysScroll(page)

  await signIn(page, 'support@servicemyndigheten.example')
  await expectActivePair(page, 'Support hos Servicemyndigheten (demo)')
  await page.goto('/support')
  await page.getByRole('searchbox', { name: 'Sök organisation' }).fill(longAddress('organisation'))
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Visar kundorganisationer' })).toBeVisible()
  await expectNoSidewaysScroll(page)
})
