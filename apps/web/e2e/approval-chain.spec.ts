import { signInAs, uniquePerson } from './support/admin.ts'
import {
  AGENT,
  AGENT_ATTESTER,
  AGENT_PAIR,
  attestOnLink,
  CUSTOMER_ATTESTER,
  endOrder,
  mailLink,
  ORDERER,
  orderViaAgent,
  otherBrowser,
  REVIEWER,
  REVIEWER_PAIR,
  smsCode,
} from './support/approval.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { continueTo, expectStep } from './support/order.ts'
import { expect, test } from './support/test.ts'

test('Webcert Integrerad – via agent travels its whole chain: Erik forwards, Fatima and Cecilia sign with SMS codes from their links, Gustav approves; the timeline shows every step', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const { number, id } = await orderViaAgent(page, '4', 'Kedja 1')

  // Bertil's order waits for the agent: "Väntar på" in the list and on the order.
  await page.goto('/bestallningar')
  const row = page.getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText('Journalsystem AB (demo)')
  await page.goto(`/bestallningar/${id}`)
  const status = page.getByRole('region', { name: 'Status' })
  await expect(status).toContainText('Väntar påJournalsystem AB (demo)')
  await expect(status).toContainText('Agentens granskning')
  const chain = page.getByRole('region', { name: 'Beställningens väg' }).getByRole('listitem')
  await expect(chain).toHaveCount(4)
  await expect(chain.first()).toContainText('Pågår nu')
  await expect(chain.nth(1)).toContainText('Kommer senare')

  // Erik follows the mailed link, signs in and goes on: the agent's questions, a new invoice address, Fatima.
  const erik = await otherBrowser(browser)
  const agentMail = await mailLink(page.request, AGENT, `Beställning ${number} väntar på er`)
  expect(agentMail.link).toContain(`/bestallningar/${id}`)
  await signInAs(erik, AGENT, AGENT_PAIR)
  await erik.goto(agentMail.link)
  await expect(erik.getByRole('heading', { level: 1, name: `Beställning ${number}` })).toBeVisible()
  const panel = erik.getByRole('region', { name: 'Att göra' })
  await panel.getByRole('button', { name: 'Gå vidare' }).click()
  // The form replaces the button: focus goes to its heading rather than to the page.
  await expect(panel.getByRole('heading', { name: 'Gå vidare med beställningen' })).toBeFocused()
  await panel.getByRole('button', { name: 'Skicka till attestanten' }).click()
  const summary = panel.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText([
    'Bocka i alla intygandefrågor för att gå vidare.',
    'Välj en fakturaadress eller registrera en ny.',
    'Välj vem som ska attestera beställningen.',
  ])
  await expectNoAxeViolations(erik)
  for (const question of await panel
    .getByRole('group', { name: /intygandefrågorna/ })
    .getByRole('checkbox')
    .all()) {
    await question.check()
  }
  await panel.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await panel.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Agentvägen 2')
  await panel.getByRole('textbox', { name: 'Postnummer' }).fill('111 22')
  await panel.getByRole('textbox', { name: 'Postort' }).fill('Stockholm')
  await panel.getByRole('textbox', { name: 'Fakturareferens' }).fill('Agent 7')
  await panel.getByRole('radio', { name: AGENT_ATTESTER.name }).check()
  await panel.getByRole('button', { name: 'Skicka till attestanten' }).click()
  await expect(
    erik.getByRole('status').filter({ hasText: `Beställningen är skickad till ${AGENT_ATTESTER.name}` }),
  ).toBeVisible()
  await expect(erik.getByRole('region', { name: 'Agentens uppgifter' })).toContainText('Agentvägen 2')
  await expect(erik.getByRole('region', { name: 'Status' })).toContainText(
    `${AGENT_ATTESTER.name} på Journalsystem AB (demo)`,
  )

  // Fatima signs from her link, without signing in.
  const fatimaMail = await mailLink(page.request, AGENT_ATTESTER.email, `Attestera beställning ${number}`)
  const fatima = await otherBrowser(browser)
  await fatima.goto(fatimaMail.link)
  await expect(
    fatima.getByRole('heading', { level: 1, name: `Attestera beställning ${number}` }),
  ).toBeVisible()
  await expect(fatima.getByRole('main')).toContainText('Hej Fatima Attestant!')
  await expect(fatima.getByRole('main')).toContainText('Agentvägen 2')
  await expectNoAxeViolations(fatima)
  await fatima.getByRole('button', { name: 'Godkänn och attestera' }).click()
  await expectNoAxeViolations(fatima)
  await fatima.getByRole('button', { name: 'Tillbaka' }).click()
  await attestOnLink(fatima, AGENT_ATTESTER.mobile)
  // The link has done its work.
  await fatima.goto(fatimaMail.link)
  await expect(fatima.getByRole('heading', { level: 1, name: 'Länken fungerar inte' })).toBeVisible()
  await expect(fatima.getByRole('main')).toContainText(
    'Beställningen väntar inte längre på din attest med den här länken',
  )

  // Cecilia signs from hers.
  const ceciliaMail = await mailLink(page.request, CUSTOMER_ATTESTER.email, `Attestera beställning ${number}`)
  const cecilia = await otherBrowser(browser)
  await cecilia.goto(ceciliaMail.link)
  await expect(
    cecilia.getByRole('heading', { level: 1, name: `Attestera beställning ${number}` }),
  ).toBeVisible()
  await attestOnLink(cecilia, CUSTOMER_ATTESTER.mobile)

  // Gustav follows his link and approves.
  const reviewMail = await mailLink(page.request, REVIEWER, `Beställning ${number} väntar på er`)
  const gustav = await otherBrowser(browser)
  await signInAs(gustav, REVIEWER, REVIEWER_PAIR)
  await gustav.goto(reviewMail.link)
  await gustav.getByRole('region', { name: 'Att göra' }).getByRole('button', { name: 'Godkänn' }).click()
  const dialog = gustav.getByRole('dialog', { name: `Godkänn beställning ${number}?` })
  await expect(dialog).toBeVisible()
  // The last step: the order becomes complete, and the orderer and the agent are mailed.
  await expect(dialog).toContainText(
    'Beställningen blir klar, och beställaren och agenten Journalsystem AB (demo) får ett mejl.',
  )
  await expectNoAxeViolations(gustav)
  await dialog.getByRole('button', { name: 'Godkänn beställningen' }).click()
  await expect(gustav.getByRole('status').filter({ hasText: 'Beställningen är godkänd.' })).toBeVisible()
  await expect(gustav.getByRole('region', { name: 'Att göra' })).toHaveCount(0)

  // Bertil: complete, told by mail, and every step in the timeline with how it was signed.
  await mailLink(page.request, ORDERER, `Beställning ${number} är klar`)
  await page.reload()
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Klar')
  await expect(chain).toContainText(['Klart', 'Klart', 'Klart', 'Klart'])
  const events = page.getByRole('region', { name: 'Händelser' }).getByRole('listitem')
  await expect(events).toHaveCount(5)
  await expect(events.nth(0)).toContainText('Skickade beställningen')
  await expect(events.nth(0)).toContainText('Bertil Beställare, Beställare på Region Norrby (demo)')
  await expect(events.nth(1)).toContainText('Godkände beställningen och skickade den vidare till attestanten')
  await expect(events.nth(1)).toContainText('Erik Agent')
  await expect(events.nth(2)).toContainText('Attesterade beställningen')
  await expect(events.nth(2)).toContainText('Fatima Attestant, Attestant på Journalsystem AB (demo)')
  await expect(events.nth(2)).toContainText('Signerad med engångslösenord via SMS')
  await expect(events.nth(3)).toContainText('Cecilia Attestant, Attestant på Region Norrby (demo)')
  await expect(events.nth(3)).toContainText('Signerad med engångslösenord via SMS')
  await expect(events.nth(4)).toContainText('Godkände beställningen')
  await expect(events.nth(4)).toContainText('Gustav Granskare')
  const hash = events.nth(2).getByText(/^Kontrollsumma [0-9a-f]{12}…$/)
  await hash.click()
  await expect(events.nth(2).locator('code')).toHaveText(/^[0-9a-f]{64}$/)
  await expectNoAxeViolations(page)
  for (const other of [erik, fatima, cecilia, gustav]) await other.context().close()
})

test('Erik rejects with a reason; Bertil sees it on the order and in a mail, and orders again from it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const { number, id } = await orderViaAgent(page, '7', 'Avslag 1')
  const reason = 'Vi stöder inte källsystemet TakeCare för den här tjänsten ännu.'

  const erik = await otherBrowser(browser)
  await signInAs(erik, AGENT, AGENT_PAIR)
  await erik.goto(`/bestallningar/${id}`)
  const reject = erik.getByRole('region', { name: 'Att göra' }).getByRole('button', { name: 'Avslå' })
  await reject.click()
  const dialog = erik.getByRole('dialog', { name: `Avslå beställning ${number}?` })
  await dialog.getByRole('button', { name: 'Avslå beställningen' }).click()
  await expect(dialog.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })).toContainText(
    'Skriv en motivering.',
  )
  await expectNoAxeViolations(erik)
  // Escape closes it, and focus returns to the button that opened it.
  await erik.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(reject).toBeFocused()
  await reject.click()
  await dialog.getByRole('textbox', { name: 'Motivering' }).fill(reason)
  await dialog.getByRole('button', { name: 'Avslå beställningen' }).click()
  const rejected = erik.getByRole('status').filter({ hasText: 'Beställningen är avslagen.' })
  await expect(rejected).toBeVisible()
  await expect(rejected).toBeFocused()

  // Bertil is told by mail, with the reason, and sees it on the order.
  const mail = await mailLink(page.request, ORDERER, `Beställning ${number} har avslagits`)
  expect(mail.message.text).toContain(`Motivering: ${reason}`)
  await page.goto(mail.link.replace(/^https?:\/\/[^/]+/, ''))
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Avslagen')
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(reason)
  await expect(page.getByRole('region', { name: 'Beställningens väg' })).toContainText(
    'Beställningen avslutades här',
  )
  const events = page.getByRole('region', { name: 'Händelser' }).getByRole('listitem')
  await expect(events.nth(1)).toContainText('Avslog beställningen')
  await expect(events.nth(1)).toContainText(`Motivering: ${reason}`)
  await expectNoAxeViolations(page)

  // "Beställ igen": the wizard, with the ended order's answers.
  await page.getByRole('button', { name: 'Beställ igen' }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
  await expect(page.getByRole('textbox', { name: 'Antal vårdenheter' })).toHaveValue('7')
  await erik.context().close()
})

test('an attestant without a password signs from the mailed link: adds and verifies a mobile number there, then attests; the provider rejects the order with a reason', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  const person = uniquePerson('Attest')
  const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')
  const mobile = {
    typed: `073-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    e164: `+4673${digits}`,
  }

  // Anna adds the person as Attestant; they never choose a password.
  await signInAs(page, 'anna.andersson@norrby.example', 'Administratör hos Region Norrby (demo)')
  await page.goto('/medlemmar')
  await page.getByRole('button', { name: 'Lägg till person' }).click()
  const add = page.getByRole('dialog', { name: 'Lägg till person' })
  await add.getByRole('textbox', { name: 'Namn', exact: true }).fill(person.name)
  await add.getByRole('textbox', { name: 'E-post' }).fill(person.email)
  await add.getByRole('checkbox', { name: 'Attestant' }).check()
  await add.getByRole('button', { name: 'Spara' }).click()
  await expect(add).toBeHidden()
  await page.context().clearCookies()

  // Bertil orders Webcert Fristående (no agent) with the new person as attestant.
  await signInAs(page, ORDERER, 'Beställare hos Region Norrby (demo)')
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beställ', exact: true })
    .click()
  await page.getByRole('button', { name: 'Beställ Webcert Fristående' }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('2')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  for (const question of await page.getByRole('checkbox').all()) await question.check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Storgatan 3')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('901 23')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Länk 1')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: person.name }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  const number =
    (await page
      .getByRole('main')
      .getByText(/^B-\d{4}-\d{6}$/)
      .textContent()) ?? ''

  // The link: first a verified number, with a code sent to it.
  const { link } = await mailLink(page.request, person.email, `Attestera beställning ${number}`)
  const signer = await otherBrowser(browser)
  await signer.goto(link)
  await expect(
    signer.getByRole('heading', { level: 1, name: `Attestera beställning ${number}` }),
  ).toBeVisible()
  const step = signer.getByRole('region', { name: 'Lägg till ditt mobilnummer' })
  await expect(step).toBeVisible()
  await expectNoAxeViolations(signer)
  await step.getByRole('textbox', { name: 'Mobilnummer' }).fill(mobile.typed)
  await step.getByRole('button', { name: 'Skicka kod' }).click()
  const code = await smsCode(signer.request, mobile.e164, null)
  await step.getByRole('textbox', { name: 'Kod från sms' }).fill(code)
  await step.getByRole('button', { name: 'Verifiera' }).click()
  await expect(
    signer.getByRole('status').filter({ hasText: 'är verifierat. Nu kan du attestera.' }),
  ).toBeVisible()
  await attestOnLink(signer, mobile.e164)

  // The order now waits for the provider's review.
  await page.goto('/bestallningar')
  await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText('Servicemyndigheten (demo)')

  // Gustav, mailed, rejects it with a reason: it was a test of the link, and no later test finds it waiting.
  const reviewMail = await mailLink(page.request, REVIEWER, `Beställning ${number} väntar på er`)
  const gustav = await otherBrowser(browser)
  await signInAs(gustav, REVIEWER, REVIEWER_PAIR)
  await gustav.goto(reviewMail.link)
  await endOrder(gustav, 'reject', number, 'Attestanten lade till sitt mobilnummer i ett test.')
  for (const other of [signer, gustav]) await other.context().close()
})

test('Erik applies for an agent assignment for Webcert: Gustav approves it on the order page, Fatima attests from her link, and it is complete', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  await signInAs(page, AGENT, AGENT_PAIR)
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beställ', exact: true })
    .click()
  await page.getByRole('button', { name: 'Beställ Ansök om agentuppdrag för Webcert' }).click()
  await expectStep(page, 'Steg 1 av 5: Uppgifter om beställningen')
  await page.getByRole('textbox', { name: 'Ert systems namn' }).fill('Journalen 5')
  await page.getByRole('textbox', { name: 'Antal kunder ni planerar att ansluta' }).fill('12')
  await continueTo(page, 'Steg 2 av 5: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Agentvägen 9')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('111 22')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Stockholm')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Uppdrag 1')
  await continueTo(page, 'Steg 3 av 5: Attestant')
  await page.getByRole('radio', { name: AGENT_ATTESTER.name }).check()
  await continueTo(page, 'Steg 4 av 5: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 5 av 5: Kontrollera beställningen')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
  const number =
    (await page
      .getByRole('main')
      .getByText(/^B-\d{4}-\d{6}$/)
      .textContent()) ?? ''
  const id = new URL(page.url()).pathname.split('/').at(-1) ?? ''

  // Gustav reviews first.
  const reviewMail = await mailLink(page.request, REVIEWER, `Beställning ${number} väntar på er`)
  const gustav = await otherBrowser(browser)
  await signInAs(gustav, REVIEWER, REVIEWER_PAIR)
  await gustav.goto(reviewMail.link)
  await gustav.getByRole('region', { name: 'Att göra' }).getByRole('button', { name: 'Godkänn' }).click()
  const dialog = gustav.getByRole('dialog', { name: `Godkänn beställning ${number}?` })
  // Not the last step: the dialog says what comes next rather than that the order is complete.
  await expect(dialog).toContainText(/går vidare till nästa steg: .+ hos Journalsystem AB \(demo\)\./)
  await expect(dialog).not.toContainText('blir klar')
  await dialog.getByRole('button', { name: 'Godkänn beställningen' }).click()
  await expect(gustav.getByRole('status').filter({ hasText: 'Beställningen är godkänd.' })).toBeVisible()
  await expect(gustav.getByRole('region', { name: 'Status' })).toContainText(
    `${AGENT_ATTESTER.name} på Journalsystem AB (demo)`,
  )

  // Then the agent's attestant signs from her link.
  const fatimaMail = await mailLink(page.request, AGENT_ATTESTER.email, `Attestera beställning ${number}`)
  const fatima = await otherBrowser(browser)
  await fatima.goto(fatimaMail.link)
  await expectNoAxeViolations(fatima)
  await attestOnLink(fatima, AGENT_ATTESTER.mobile)

  await page.goto(`/bestallningar/${id}`)
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Klar')
  const events = page.getByRole('region', { name: 'Händelser' }).getByRole('listitem')
  await expect(events).toHaveCount(3)
  await expect(events.nth(0)).toContainText('Skickade beställningen')
  await expect(events.nth(1)).toContainText('Godkände beställningen')
  await expect(events.nth(1)).toContainText('Gustav Granskare')
  await expect(events.nth(2)).toContainText('Attesterade beställningen')
  await expect(events.nth(2)).toContainText('Signerad med engångslösenord via SMS')
  await expectNoAxeViolations(page)
  for (const other of [gustav, fatima]) await other.context().close()
})
