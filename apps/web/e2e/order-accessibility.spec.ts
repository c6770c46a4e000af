import type { Page } from '@playwright/test'
import { signInAs } from './support/admin.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { continueTo, expectStep, ORDERER, ORDERER_PAIR } from './support/order.ts'
import { expect, test } from './support/test.ts'

/** Ordered here only, so the ordering tests' counts of Webcert Integrerad – via agent stay their own. */
const STANDALONE = 'Webcert Fristående'

test.use({ viewport: { width: 360, height: 740 } })

async function expectFitsAndPasses(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth, `the page ${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth)
  await expectNoAxeViolations(page)
}

test('ordering on a 360 px wide screen: every step, with its errors, the review in English, the confirmation and the lists meet WCAG 2.1 AA', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await page.goto('/bestall')
  await expect(page.getByRole('heading', { level: 1, name: 'Beställ', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: `Beställ ${STANDALONE}` })).toBeVisible()
  await expectFitsAndPasses(page)

  await page.getByRole('button', { name: `Beställ ${STANDALONE}` }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(page.getByText('Det finns fel i formuläret')).toBeVisible()
  // The optional message is marked so, and only the required field is missing.
  await expect(page.getByRole('textbox', { name: 'Meddelande till Inera (valfritt)' })).toBeVisible()
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(['Ange antal vårdenheter.'])
  await expectFitsAndPasses(page)
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('2')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(page.getByText('Det finns fel i formuläret')).toBeVisible()
  await expectFitsAndPasses(page)
  await page.getByRole('checkbox').first().check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(page.getByText('Det finns fel i formuläret')).toBeVisible()
  await expectFitsAndPasses(page)
  await page
    .getByRole('textbox', { name: 'Utdelningsadress' })
    .fill('Kungsgatan 12, plan 3, avdelningen för digitala tjänster')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('901 01')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Tillgänglighet')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await expectFitsAndPasses(page)
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await expectFitsAndPasses(page)
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  await expectFitsAndPasses(page)

  await page.getByRole('button', { name: 'English' }).click()
  await expectStep(page, 'Step 6 of 6: Check the order')
  await expect(
    page.getByRole('heading', { level: 1, name: `Order ${STANDALONE.replace('Fristående', 'Standalone')}` }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Change number of care units' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Price' })).toContainText('SEK 5,000')
  await expectFitsAndPasses(page)
  await page.getByRole('button', { name: 'Svenska' }).click()
  await expectStep(page, 'Steg 6 av 6: Kontrollera beställningen')

  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  await expectFitsAndPasses(page)
  await page.getByRole('link', { name: 'Visa beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Beställning B-/ })).toBeVisible()
  await expect(page.getByRole('main')).toContainText(
    'Kungsgatan 12, plan 3, avdelningen för digitala tjänster',
  )
  await expectFitsAndPasses(page)
  await page.getByRole('link', { name: 'Tillbaka till Mina beställningar' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mina beställningar' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Beställningar' })).toBeVisible()
  await expectFitsAndPasses(page)
})
