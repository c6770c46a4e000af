import { signInAs } from './support/admin.ts'
import { endOrder } from './support/approval.ts'
import {
  continueTo,
  expectStep,
  fillWebcertFields,
  ORDERER,
  ORDERER_PAIR,
  startOrder,
  WEBCERT_VIA_AGENT,
} from './support/order.ts'
import { expect, test } from './support/test.ts'

const WARNING =
  'Tänk på att det är billigare att göra en beställning än flera. För varje tilläggs-beställning ni senare gör, får ni ytterligare en uppstartskostnad.'

test('Bertil orders Webcert Integrerad – via agent for 12 care units, changes it on the review, sends it and finds it under "Mina beställningar"; a second order warns about the start-up fee; he withdraws the first', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signInAs(page, ORDERER, ORDERER_PAIR)

  // "Beställ": the service, its offerings and their prices, excluding VAT.
  await startOrderWithPrices(page)

  // Step 1: the offering's own fields, checked when sent, with the priced quantity's warning as its hint.
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText([
    'Ange antal vårdenheter.',
    'Välj källsystem (journalsystem).',
    'Välj agent (systemleverantör).',
  ])
  const careUnits = page.getByRole('textbox', { name: 'Antal vårdenheter' })
  await expect(careUnits).toHaveAccessibleDescription(/billigare att göra en beställning än flera/)
  await careUnits.fill('0')
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(summary.getByRole('link').first()).toHaveText(
    'Ange antal vårdenheter som ett heltal mellan 1 och 5 000.',
  )
  await fillWebcertFields(page, '12')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')

  // Step 2: every attestation question must be ticked.
  const questions = page.getByRole('group', { name: /intygandefrågorna/ }).getByRole('checkbox')
  await expect(questions).toHaveCount(2)
  await questions.first().check()
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(summary.getByRole('link')).toHaveText([
    'Bocka i alla intygandefrågor för att kunna fortsätta.',
  ])
  await questions.nth(1).check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')

  // Step 3: a new invoice address, checked with the shared schema's rules.
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Storgatan 1')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('9012')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(summary.getByRole('link')).toHaveText([
    'Ange postnumret med fem siffror, till exempel 123 45.',
    'Ange fakturareferens.',
  ])
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('901 23')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Ref 4711')
  await continueTo(page, 'Steg 4 av 6: Attestant')

  // Step 4: the organisation's attestants.
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')

  // Step 5: the terms, with their version, to accept.
  await expect(page.getByRole('main')).toContainText('Villkor för Webcert, version 1.')
  await expect(page.getByRole('main')).toContainText('Version 1')
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(summary.getByRole('link')).toHaveText(['Bocka i att du har läst och godkänner villkoren.'])
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')

  // Step 6: every answer, the price, and no warning for the organisation's first order of it.
  const main = page.getByRole('main')
  await expect(main).toContainText('Antal vårdenheter12')
  await expect(main).toContainText('TakeCare')
  await expect(main).toContainText('Journalsystem AB (demo)')
  await expect(main).toContainText('Storgatan 1')
  await expect(main).toContainText('901 23 Norrby')
  await expect(main).toContainText('Ref 4711')
  await expect(main).toContainText('Cecilia Attestant')
  await expect(main).toContainText('Godkända, version 1')
  const price = page.getByRole('region', { name: 'Pris' })
  await expect(price).toContainText('Uppstartskostnad (en gång per beställning)15 000 kr')
  await expect(price).toContainText('Kostnad per månad3 000 kr12 × 250 kr')
  await expect(main).not.toContainText(WARNING)

  // "Ändra" goes back to the step; "Fortsätt" from there returns straight to the review.
  await page.getByRole('button', { name: 'Ändra antal vårdenheter' }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
  await expect(careUnits).toHaveValue('12')
  await careUnits.fill('14')
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  await expect(main).toContainText('Antal vårdenheter14')
  await expect(price).toContainText('Kostnad per månad3 500 kr14 × 250 kr')

  // Sent with a double click: one order.
  await page.getByRole('button', { name: 'Skicka beställningen' }).dblclick()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  const number = (await main.getByText(/^B-\d{4}-\d{6}$/).textContent()) ?? ''
  expect(number).toMatch(/^B-20\d\d-\d{6}$/)
  await expect(main).toContainText('Den har status Inskickad.')
  // Who acts next, and that they have been mailed.
  await expect(main).toContainText(/Beställningen har skickats till .+ för (granskning|attest)\./)
  await expect(main).toContainText('Du kan följa beställningen under Mina beställningar.')

  // "Mina beställningar": the order, newest first; its page shows everything that was submitted.
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Mina beställningar' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mina beställningar' })).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText(WEBCERT_VIA_AGENT)
  await expect(row).toContainText('Inskickad')
  await expect(row).toContainText('Bertil Beställare')
  await expect(row).toContainText('14')
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Inskickad' })
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(page).toHaveURL(/status=SUBMITTED/)
  await expect(row).toBeVisible()
  await row.getByRole('link', { name: number }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Beställning ${number}` })).toBeVisible()
  await expect(main).toContainText('Antal vårdenheter14')
  await expect(main).toContainText('Källsystem (journalsystem)TakeCare')
  await expect(main).toContainText('Agent (systemleverantör)Journalsystem AB (demo)')
  await expect(main).toContainText('HSA-katalogen')
  await expect(main).toContainText('Ref 4711')
  await expect(main).toContainText('Cecilia Attestant')
  await expect(main).toContainText('Godkända villkor, version 1')
  await expect(main).toContainText('Bertil Beställare')
  await expect(page.getByRole('region', { name: 'Pris' })).toContainText('3 500 kr')
  await page.getByText('Visa villkoren (version 1)').click()
  await expect(main).toContainText('Villkor för Webcert, version 1.')

  // A second order of the same offering: the saved invoice address is offered, and the review warns.
  await startOrder(page, WEBCERT_VIA_AGENT)
  await fillWebcertFields(page, '3')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  for (const question of await page.getByRole('checkbox').all()) await question.check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: /Storgatan 1, 901 23 Norrby – referens: Ref 4711/ }).check()
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  await expect(main).toContainText(WARNING)
  // The double click above made one order, not two.
  await expect(main).toContainText(
    `Er organisation har redan 1 beställning av ${WEBCERT_VIA_AGENT} som pågår.`,
  )

  // Bertil withdraws the order he sent: the organisation has none of it in progress again.
  await page.goto('/bestallningar')
  await page
    .getByRole('row', { name: new RegExp(number) })
    .getByRole('link', { name: number })
    .click()
  await endOrder(page, 'withdraw', number, 'Beställningen gjordes för att prova beställningen.')
})

async function startOrderWithPrices(page: import('@playwright/test').Page) {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beställ', exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställ', exact: true })).toBeVisible()
  const webcert = page.getByRole('region', { name: 'Webcert' })
  await expect(webcert).toContainText(WEBCERT_VIA_AGENT)
  await expect(webcert).toContainText('Webcert Fristående')
  // Agents only: Region Norrby is no agent.
  await expect(webcert).not.toContainText('Ansök om agentuppdrag')
  await expect(webcert.getByRole('listitem').filter({ hasText: WEBCERT_VIA_AGENT })).toContainText(
    'Uppstartskostnad15 000 krMånadsavgift250 kr per enhet och månad',
  )
  await expect(page.getByRole('main')).toContainText('Alla priser är i svenska kronor, exklusive moms.')
  await page.getByRole('button', { name: `Beställ ${WEBCERT_VIA_AGENT}` }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
}

test('an offering without attestation questions has one step fewer: an agent applies for an agent assignment', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const offering = 'Ansök om agentuppdrag för Webcert'
  await signInAs(page, 'erik@journalsystem.example', 'Beställare hos Journalsystem AB (demo)')
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beställ', exact: true })
    .click()
  // Offered to agents only; Journalsystem AB is one.
  await page.getByRole('button', { name: `Beställ ${offering}` }).click()
  await expectStep(page, 'Steg 1 av 5: Uppgifter om beställningen')
  await page.getByRole('textbox', { name: 'Ert systems namn' }).fill('Journalsystemet Pro')
  await page.getByRole('textbox', { name: 'Antal kunder ni planerar att ansluta' }).fill('25')
  await continueTo(page, 'Steg 2 av 5: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Agentgatan 3')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('111 22')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Stockholm')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Agentuppdrag')
  await continueTo(page, 'Steg 3 av 5: Attestant')
  await page.getByRole('radio', { name: 'Fatima Attestant' }).check()
  await continueTo(page, 'Steg 4 av 5: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 5 av 5: Kontrollera beställningen')
  const main = page.getByRole('main')
  await expect(main).toContainText('Ert systems namnJournalsystemet Pro')
  await expect(main).toContainText('Antal kunder ni planerar att ansluta25')
  await expect(page.getByRole('button', { name: /^Ändra intygande/ })).toHaveCount(0)
  // No priced field: the monthly fee is for one unit.
  await expect(page.getByRole('region', { name: 'Pris' })).toContainText('Kostnad per månad0 kr1 × 0 kr')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
})
