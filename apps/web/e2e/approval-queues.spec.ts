import type { Page } from '@playwright/test'
import { signInAs } from './support/admin.ts'
import { endOrder } from './support/approval.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import {
  continueTo,
  fillWebcertFields,
  ORDERER,
  ORDERER_PAIR,
  startOrder,
  WEBCERT_VIA_AGENT,
} from './support/order.ts'
import { expectActivePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

const AGENT = 'erik@journalsystem.example'
const AGENT_ORDERER_PAIR = 'Beställare hos Journalsystem AB (demo)'
const REVIEWER = 'granskare@servicemyndigheten.example'
const SUPPORT = 'support@servicemyndigheten.example'
const AGENT_ASSIGNMENT = 'Ansök om agentuppdrag för Webcert'

function menuLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true })
}

/** Goes through the wizard's last step and returns the order's number from the confirmation. */
async function send(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  return (
    (await page
      .getByRole('main')
      .getByText(/^B-\d{4}-\d{6}$/)
      .textContent()) ?? ''
  )
}

/** Bertil orders Webcert Integrerad – via agent, naming Journalsystem AB (demo) as the agent. */
async function submitViaAgent(page: Page): Promise<string> {
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, WEBCERT_VIA_AGENT)
  await fillWebcertFields(page, '4')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  for (const question of await page.getByRole('checkbox').all()) await question.check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Storgatan 1')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('901 23')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Ref 11')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  return send(page)
}

/** Erik applies for an agent assignment: that chain starts with the provider's review. */
async function submitAgentAssignment(page: Page): Promise<string> {
  await signInAs(page, AGENT, AGENT_ORDERER_PAIR)
  await menuLink(page, 'Beställ').click()
  // Offered to agents only; Journalsystem AB is one.
  await page.getByRole('button', { name: `Beställ ${AGENT_ASSIGNMENT}` }).click()
  await expect(
    page.getByRole('heading', { level: 2, name: 'Steg 1 av 5: Uppgifter om beställningen' }),
  ).toBeVisible()
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
  return send(page)
}

test('an order via the agent waits in the agent\'s "Hantera beställningar": Erik marks it and opens it; an orderer elsewhere is told the organisation is no agent; Bertil withdraws it, and Erik finds it by customer and status', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000)
  const number = await submitViaAgent(page)
  expect(number).toMatch(/^B-20\d\d-\d{6}$/)

  // Region Norrby is no agent: the menu can't know, the page says so.
  await menuLink(page, 'Agentuppdrag').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hantera beställningar' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Er organisation är inte agent i Kundnav')
  await expect(page.getByRole('table')).toHaveCount(0)

  const context = await browser.newContext()
  const agent = await context.newPage()
  await signInAs(agent, AGENT, AGENT_ORDERER_PAIR)
  await menuLink(agent, 'Agentuppdrag').click()
  await expect(agent.getByRole('heading', { level: 1, name: 'Hantera beställningar' })).toBeVisible()
  await expect(agent).toHaveTitle('Hantera beställningar – Kundnav')
  const table = agent.getByRole('table', { name: 'Beställningar att hantera' })
  await expect(table.getByRole('columnheader')).toHaveText([
    'Beställningsnummer',
    'Markera',
    'Kund',
    'Tjänst och erbjudande',
    'Inskickad',
    'Väntar sedan',
  ])
  const row = table.getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText('Region Norrby (demo)')
  await expect(row).toContainText('av Bertil Beställare')
  await expect(row).toContainText(WEBCERT_VIA_AGENT)
  await expect(row).toContainText(/har väntat (mindre än en minut|\d+ minut)/)
  await expect(agent.getByRole('button', { name: 'Visa fler' })).toHaveCount(0)
  await expect(agent.getByText('Det finns inga fler beställningar.')).toBeVisible()
  await expectNoAxeViolations(agent)

  // Filter: every order to the agent, then one offering; the address keeps it.
  await agent.getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Alla beställningar till er' })
  await agent.getByRole('button', { name: 'Filtrera' }).click()
  await expect(agent).toHaveURL(/show=all/)
  const all = agent.getByRole('table', { name: 'Alla beställningar till er' })
  await expect(all.getByRole('row', { name: new RegExp(number) })).toContainText('Inskickad')
  await expect(all.getByRole('row', { name: new RegExp(number) })).toContainText(
    'Väntar på Journalsystem AB (demo)',
  )
  // Only the offerings among the orders to the agent — ordered through an agent — are offered to filter by.
  await expect(agent.getByRole('combobox', { name: 'Erbjudande' }).getByRole('option')).toHaveText([
    'Alla erbjudanden',
    WEBCERT_VIA_AGENT,
  ])
  await agent.getByRole('combobox', { name: 'Erbjudande' }).selectOption({ label: WEBCERT_VIA_AGENT })
  await agent.getByRole('button', { name: 'Filtrera' }).click()
  await expect(agent).toHaveURL(/offering=/)
  await expect(all.getByRole('row', { name: new RegExp(number) })).toBeVisible()
  await agent.goBack()
  await agent.goBack()
  await expect(table.getByRole('row', { name: new RegExp(number) })).toBeVisible()

  // Seed 004: tick the order to handle, then open it.
  await expect(agent.getByText('Ingen beställning är markerad.')).toBeVisible()
  await row.getByRole('checkbox', { name: `Markera ${number} för hantering` }).check()
  await expect(agent.getByText('1 beställning markerad.')).toBeVisible()
  await agent.getByRole('button', { name: `Öppna nästa markerade (${number})` }).click()
  await expect(agent.getByRole('heading', { level: 1, name: `Beställning ${number}` })).toBeVisible()
  await agent.goBack()
  await expect(agent.getByRole('heading', { level: 1, name: 'Hantera beställningar' })).toBeVisible()
  await expect(agent.getByText('Ingen beställning är markerad.')).toBeVisible()
  // The number itself opens the order too, and the way back leads to this list.
  await row.getByRole('link', { name: number }).click()
  await expect(agent.getByRole('heading', { level: 1, name: `Beställning ${number}` })).toBeVisible()
  await agent.getByRole('link', { name: 'Tillbaka till Hantera beställningar' }).click()
  await expect(agent.getByRole('heading', { level: 1, name: 'Hantera beställningar' })).toBeVisible()

  // Bertil withdraws it while nobody has attested it: no later test finds it waiting or in progress.
  await page.goto('/bestallningar')
  await page
    .getByRole('row', { name: new RegExp(number) })
    .getByRole('link', { name: number })
    .click()
  await endOrder(page, 'withdraw', number, 'Beställd för att prova agentens lista.')
  await agent.goto('/agentuppdrag')
  await expect(agent.getByText('Inga beställningar väntar på er just nu.').or(table)).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(number) })).toHaveCount(0)
  // Among every order to the agent it is there, withdrawn: the status list shows once "Alla" is chosen.
  await expect(agent.getByRole('combobox', { name: 'Status' })).toHaveCount(0)
  await agent.getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Alla beställningar till er' })
  await agent.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Återkallad' })
  await agent.getByRole('combobox', { name: 'Kund' }).selectOption({ label: 'Region Norrby (demo)' })
  await agent.getByRole('button', { name: 'Filtrera' }).click()
  await expect(agent).toHaveURL(/show=all/)
  await expect(agent).toHaveURL(/status=WITHDRAWN/)
  await expect(agent).toHaveURL(/organization=/)
  await expect(all.getByRole('row', { name: new RegExp(number) })).toContainText('Återkallad')
  await expect(agent.getByRole('combobox', { name: 'Kund' })).toHaveValue(/^[0-9a-f-]{36}$/)
  await context.close()
})

test('"Granska beställningar": an agent assignment waits for the provider\'s review, oldest first, filtered by offering; Gustav rejects it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000)
  const number = await submitAgentAssignment(page)

  const context = await browser.newContext()
  const reviewer = await context.newPage()
  await signIn(reviewer, REVIEWER)
  await expectActivePair(reviewer, 'Granskare hos Servicemyndigheten (demo)')
  await menuLink(reviewer, 'Granska beställningar').click()
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Granska beställningar' })).toBeVisible()
  const table = reviewer.getByRole('table', { name: 'Beställningar att granska' })
  await expect(table.getByRole('columnheader')).toHaveText([
    'Beställningsnummer',
    'Organisation',
    'Tjänst och erbjudande',
    'Inskickad',
    'Väntar sedan',
  ])
  const row = table.getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText('Journalsystem AB (demo)')
  await expect(row).toContainText(AGENT_ASSIGNMENT)
  await expect(row).toContainText('har väntat')
  await expectNoAxeViolations(reviewer)

  await reviewer.getByRole('combobox', { name: 'Erbjudande' }).selectOption({ label: AGENT_ASSIGNMENT })
  await reviewer.getByRole('button', { name: 'Filtrera' }).click()
  await expect(reviewer).toHaveURL(/offering=/)
  await expect(row).toBeVisible()
  // The offerings to filter by are those among the orders: the first test here ordered Webcert Integrerad
  // – via agent, and Bertil withdrew it, so none of it waits for review.
  await reviewer.getByRole('combobox', { name: 'Erbjudande' }).selectOption({ label: WEBCERT_VIA_AGENT })
  await reviewer.getByRole('button', { name: 'Filtrera' }).click()
  await expect(reviewer.getByText('Inga beställningar av det valda erbjudandet.')).toBeVisible()
  // Opened from the list filtered by its offering, the order leads back to the list as filtered.
  await reviewer.getByRole('combobox', { name: 'Erbjudande' }).selectOption({ label: AGENT_ASSIGNMENT })
  await reviewer.getByRole('button', { name: 'Filtrera' }).click()
  await row.getByRole('link', { name: number }).click()
  await reviewer.getByRole('link', { name: 'Tillbaka till Granska beställningar' }).click()
  await expect(reviewer).toHaveURL(/\/granska\?.*offering=/)
  await expect(reviewer.getByRole('combobox', { name: 'Erbjudande' })).toHaveValue(/.+/)
  await row.getByRole('link', { name: number }).click()

  // Gustav rejects it with a reason, so no later test finds it waiting.
  await endOrder(reviewer, 'reject', number, 'Ansökan gjordes för att prova granskningslistan.')
  await reviewer.goto('/granska')
  await expect(reviewer.getByText('Inga beställningar väntar på granskning just nu.').or(table)).toBeVisible()
  await expect(table.getByRole('row', { name: new RegExp(number) })).toHaveCount(0)
  await context.close()
})

test('provider support makes Testbanken an agent after confirming, and withdraws it again', async ({
  page,
}) => {
  const bank = 'Testbanken AB (demo)'
  await signIn(page, SUPPORT)
  await menuLink(page, 'Support: Ansvarig').click()
  await page.getByRole('searchbox', { name: 'Sök organisation' }).fill('Testbanken')
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  const organizations = page.getByRole('table', { name: 'Kundorganisationer' })
  await expect(organizations.getByRole('row', { name: bank })).toContainText('Nej')
  await organizations.getByRole('button', { name: `Välj ${bank}` }).click()

  const section = page.getByRole('region', { name: 'Agent / Systemleverantör' })
  await expect(section).toContainText(`${bank} är inte agent.`)
  await section.getByRole('button', { name: `Gör till agent ${bank}` }).click()
  const dialog = page.getByRole('dialog', { name: `Gör ${bank} till agent?` })
  await dialog.getByRole('button', { name: 'Avbryt' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(section).toContainText(`${bank} är inte agent.`)

  await section.getByRole('button', { name: `Gör till agent ${bank}` }).click()
  await dialog.getByRole('button', { name: 'Ja, gör till agent' }).click()
  await expect(section.getByRole('status')).toHaveText(`${bank} är nu agent.`)
  await expect(section).toContainText(`${bank} är agent.`)
  await expect(organizations.getByRole('row', { name: bank })).toContainText('Ja')

  await section.getByRole('button', { name: `Ta bort agentbehörighet ${bank}` }).click()
  await page
    .getByRole('dialog', { name: `Ta bort agentbehörigheten för ${bank}?` })
    .getByRole('button', { name: 'Ja, ta bort agentbehörigheten' })
    .click()
  await expect(section.getByRole('status')).toHaveText(`${bank} är inte längre agent.`)
  await expect(section).toContainText(`${bank} är inte agent.`)
  await expect(organizations.getByRole('row', { name: bank })).toContainText('Nej')
})
