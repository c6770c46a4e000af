import { signInAs } from './support/admin.ts'
import { continueTo, expectStep, ORDERER, ORDERER_PAIR, startOrder } from './support/order.ts'
import { expect, test } from './support/test.ts'

const REVIEWER = 'granskare@servicemyndigheten.example'
const REVIEWER_PAIR = 'Granskare hos Servicemyndigheten (demo)'
// Offerings the ordering tests don't price or accept terms of.
const STANDALONE = 'Webcert Fristående'
const AGENT_ASSIGNMENT = 'Ansök om agentuppdrag för Webcert'

test('a Granskare changes a price in kronor and publishes new terms; orderers see the new price', async ({
  page,
  browser,
}) => {
  await signInAs(page, REVIEWER, REVIEWER_PAIR)
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Priser och villkor' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Priser och villkor' })).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(STANDALONE) })
  await expect(row).toContainText('5 000 kr')
  await expect(row).toContainText('150 kr')
  await expect(row).toContainText('Version 1')

  await row.getByRole('button', { name: `Ändra pris för ${STANDALONE}` }).click()
  const priceDialog = page.getByRole('dialog', { name: `Ändra pris för ${STANDALONE}` })
  const startup = priceDialog.getByRole('textbox', { name: 'Uppstartskostnad i kronor' })
  await expect(startup).toHaveValue('5000')
  await startup.fill('femtusen')
  await priceDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(
    priceDialog.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' }),
  ).toContainText('Ange priset i kronor med siffror, till exempel 15 000 eller 2,50.')
  await startup.fill('6 000')
  await priceDialog.getByRole('textbox', { name: 'Månadsavgift per enhet i kronor' }).fill('175,50')
  await priceDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(priceDialog).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: `Det nya priset för ${STANDALONE} är sparat.` }),
  ).toBeVisible()
  await expect(row).toContainText('6 000 kr')
  await expect(row).toContainText('175,50 kr')

  const termsRow = page.getByRole('row', { name: new RegExp(AGENT_ASSIGNMENT) })
  await termsRow.getByRole('button', { name: `Publicera nya villkor för ${AGENT_ASSIGNMENT}` }).click()
  const termsDialog = page.getByRole('dialog', { name: `Publicera nya villkor för ${AGENT_ASSIGNMENT}` })
  await expect(termsDialog).toContainText('De nya villkoren blir version 2.')
  const swedish = termsDialog.getByRole('textbox', { name: 'Villkoren på svenska' })
  await expect(swedish).toHaveValue(/Villkor för agentuppdrag, version 1/)
  await swedish.fill('')
  await termsDialog.getByRole('button', { name: 'Publicera' }).click()
  await expect(
    termsDialog.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' }),
  ).toContainText('Skriv villkoren på svenska.')
  await swedish.fill('Villkor för agentuppdrag, version 2.\n\nAgenten ansluter kunder enligt anvisningarna.')
  await termsDialog.getByRole('button', { name: 'Publicera' }).click()
  await expect(termsDialog).toBeHidden()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Villkoren för ${AGENT_ASSIGNMENT} är publicerade som version 2.` }),
  ).toBeVisible()
  await expect(termsRow).toContainText('Version 2')

  // An orderer sees the new price.
  const context = await browser.newContext()
  const orderer = await context.newPage()
  await signInAs(orderer, ORDERER, ORDERER_PAIR)
  await orderer.goto('/bestall')
  await expect(orderer.getByRole('listitem').filter({ hasText: STANDALONE })).toContainText(
    'Uppstartskostnad6 000 krMånadsavgift175,50 kr per enhet och månad',
  )
  await context.close()
})

test('an orderer has no "Priser och villkor" and is told whom the page is for', async ({ page }) => {
  await signInAs(page, ORDERER, ORDERER_PAIR)
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' })
  await expect(nav.getByRole('link', { name: 'Beställ', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Priser och villkor' })).toHaveCount(0)
  await page.goto('/priser-och-villkor')
  await expect(page.getByRole('heading', { level: 1, name: 'Du har inte tillgång till sidan' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Sidan är till för Granskare.')
})

test('terms published while an order is being checked: sending it asks for the new terms to be accepted', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000)
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, STANDALONE)
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('4')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  await page.getByRole('checkbox').first().check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Villkorsvägen 2')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('90102')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Nya villkor')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  const version = (await page.getByText(/^Version \d+$/).textContent()) ?? ''
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')

  // Meanwhile a Granskare publishes new terms for the offering.
  const context = await browser.newContext()
  const reviewer = await context.newPage()
  await signInAs(reviewer, REVIEWER, REVIEWER_PAIR)
  await reviewer.goto('/priser-och-villkor')
  await reviewer.getByRole('button', { name: `Publicera nya villkor för ${STANDALONE}` }).click()
  const dialog = reviewer.getByRole('dialog', { name: `Publicera nya villkor för ${STANDALONE}` })
  await dialog
    .getByRole('textbox', { name: 'Villkoren på svenska' })
    .fill('Nya villkor för Webcert Fristående.')
  await dialog.getByRole('button', { name: 'Publicera' }).click()
  await expect(dialog).toBeHidden()
  await context.close()

  // The order is refused, saying why and linking to where to put it right.
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary.getByRole('link')).toHaveText([
    'Läs och godkänn villkoren för att kunna skicka beställningen.',
  ])
  await summary.getByRole('link').click()
  await expect(page.getByRole('button', { name: 'Ändra villkor' })).toBeFocused()
  await page.getByRole('button', { name: 'Ändra villkor' }).click()
  await expectStep(page, 'Steg 5 av 6: Villkor')
  await expect(page.getByRole('main')).toContainText('Nya villkor för Webcert Fristående.')
  await expect(page.getByText(/^Version \d+$/)).not.toHaveText(version)
  await expect(page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' })).not.toBeChecked()
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
})

test('a price changed while an order is being checked: sending it shows the new price to check first', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000)
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, STANDALONE)
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('2')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  await page.getByRole('checkbox').first().check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Prisvägen 4')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('90104')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Nytt pris')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  const price = page.getByRole('region', { name: 'Pris' })
  await expect(price).not.toContainText('7 777 kr')

  const context = await browser.newContext()
  const reviewer = await context.newPage()
  await signInAs(reviewer, REVIEWER, REVIEWER_PAIR)
  await reviewer.goto('/priser-och-villkor')
  await reviewer.getByRole('button', { name: `Ändra pris för ${STANDALONE}` }).click()
  const dialog = reviewer.getByRole('dialog', { name: `Ändra pris för ${STANDALONE}` })
  await dialog.getByRole('textbox', { name: 'Uppstartskostnad i kronor' }).fill('7777')
  await dialog.getByRole('button', { name: 'Spara' }).click()
  await expect(dialog).toBeHidden()
  await context.close()

  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Priset har ändrats sedan du kontrollerade beställningen. Kontrollera det nya priset och skicka igen.',
  )
  await expect(price).toContainText('Uppstartskostnad (en gång per beställning)7 777 kr')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  await page.getByRole('link', { name: 'Visa beställningen' }).click()
  await expect(page.getByRole('region', { name: 'Pris' })).toContainText('7 777 kr')
})
