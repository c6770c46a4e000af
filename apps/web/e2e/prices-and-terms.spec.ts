import { signInAs } from './support/admin.ts'
import { ORDERER, ORDERER_PAIR } from './support/order.ts'
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
  await termsDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(
    termsDialog.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' }),
  ).toContainText('Skriv villkoren på svenska.')
  await swedish.fill('Villkor för agentuppdrag, version 2.\n\nAgenten ansluter kunder enligt anvisningarna.')
  await termsDialog.getByRole('button', { name: 'Spara' }).click()
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
