import { fileURLToPath } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { expectActivePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

/*
 * Provider support's side of cases (seed 002): the queue "Ärenden", the case page and "Registrera
 * telefonärende", each against the reporter's own pages in another browser context. The reporter is Bertil
 * Beställare (one pair, whose password and mail no later spec depends on); every case opened here is closed
 * before the test ends, so other specs' counts of open cases don't change.
 */

const SUPPORT = 'support@servicemyndigheten.example'
const REPORTER = 'bertil@norrby.example'
const REPORTER_NAME = 'Bertil Beställare'
const REGION = 'Region Norrby (demo)'
const PDF = fileURLToPath(new URL('./fixtures/underlag.pdf', import.meta.url))

/** A second person, in a browser context of their own (cookies and storage apart). */
async function otherPerson(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, username)
  return page
}

/** Provider support, signed in (one pair: straight in), on "Ärenden" from the menu. */
async function openQueue(page: Page): Promise<void> {
  await signIn(page, SUPPORT)
  await expectActivePair(page, 'Support hos Servicemyndigheten (demo)')
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Ärenden', exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ärenden' })).toBeVisible()
}

/** The reporter creates a case through "Skapa ärende" and opens it; returns its number. */
async function createCase(page: Page, subject: string): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Mina ärenden' })
    .click()
  await page.getByRole('link', { name: 'Skapa ärende' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa ärende' })).toBeVisible()
  await page.getByRole('group', { name: 'Område' }).getByLabel('IT-tjänstestöd').check()
  await page.getByLabel('Ämne').fill(subject)
  await page.getByLabel('Meddelande').fill('Jag kommer inte in i Primula sedan i morse.')
  await page.getByRole('button', { name: 'Skicka ärendet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ärendet är skapat' })).toBeVisible()
  const number = (await page.getByText(/^\d{4}-\d{6}$/).textContent()) ?? ''
  expect(number).toMatch(/^\d{4}-\d{6}$/)
  await page.getByRole('link', { name: 'Visa ärendet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
  return number
}

/** Filters the queue to the region's IT cases and opens the case `number` from it. */
async function openFromQueue(page: Page, number: string): Promise<void> {
  await page.getByLabel('Område').selectOption({ label: 'IT-tjänstestöd' })
  await page.getByLabel('Organisation').selectOption({ label: REGION })
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(page).toHaveURL(/area=IT/)
  const row = page
    .getByRole('table', { name: 'Öppna ärenden' })
    .getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText(REGION)
  await expect(row).toContainText(REPORTER_NAME)
  await expect(row).toContainText('Inkommit')
  await expect(row).toContainText('Ingen har tagit det')
  await row.getByRole('link', { name: number }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
}

/** Closes the open case shown on the support's case page with `answer`, through the dialog. */
async function closeCase(page: Page, number: string, answer: string): Promise<void> {
  await page.getByRole('button', { name: 'Avsluta ärendet' }).click()
  const dialog = page.getByRole('dialog', { name: `Avsluta ärende ${number}?` })
  await expect(dialog.getByLabel('Svar')).toBeFocused()
  await dialog.getByLabel('Svar').fill(answer)
  await dialog.getByRole('button', { name: 'Ja, avsluta och skicka svaret' }).click()
  await expect(dialog).toBeHidden()
  const done = page
    .getByRole('status')
    .filter({ hasText: `Ärendet är avslutat. Svaret är mejlat till ${REPORTER_NAME}.` })
  await expect(done).toBeVisible()
  await expect(done).toBeFocused()
}

test("provider support takes the case, writes, closes it with an answer; the reporter's open case page shows the new status without a reload, and the answer highlighted", async ({
  page,
  browser,
}) => {
  const subject = `Inloggning Primula ${Date.now()}`
  const reporter = await otherPerson(browser, REPORTER)
  const number = await createCase(reporter, subject)
  const reporterSummary = reporter.getByRole('region', { name: 'Frågan' })
  await expect(reporterSummary).toContainText('Inkommit')
  // Any reload of the reporter's page would show as a new navigation: there must be none.
  let reporterNavigations = 0
  reporter.on('framenavigated', (frame) => {
    if (frame === reporter.mainFrame()) reporterNavigations += 1
  })

  await openQueue(page)
  await expectNoAxeViolations(page)
  await openFromQueue(page, number)
  const handling = page.getByRole('region', { name: 'Handläggning' })
  await expect(handling).toContainText('Inkommit')
  await expect(handling).toContainText('Ingen har tagit ärendet än.')
  await expect(page.getByRole('region', { name: 'Frågan' })).toContainText(subject)
  await expectNoAxeViolations(page)

  // "Ta ärendet": it is Sara's, Under bearbetning; the confirmation is announced and takes focus.
  await handling.getByRole('button', { name: 'Ta ärendet', exact: true }).click()
  const taken = page
    .getByRole('status')
    .filter({ hasText: 'Du har tagit ärendet. Det har nu status Under bearbetning' })
  await expect(taken).toBeFocused()
  await expect(handling).toContainText('Sara Support (du)')
  await expect(handling.getByRole('button', { name: 'Ta ärendet', exact: true })).toHaveCount(0)
  await expect(reporterSummary).toContainText('Under bearbetning')
  await expect(reporterSummary).toContainText('Sara Support')

  // Back to Inkommit and on again: the status form says which is chosen.
  const statusForm = handling.getByRole('group', { name: 'Ändra status' })
  await expect(statusForm.getByLabel('Under bearbetning')).toBeChecked()
  await statusForm.getByLabel('Inkommit').check()
  await handling.getByRole('button', { name: 'Ändra status' }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Ärendet har nu status Inkommit. ${REPORTER_NAME} har fått ett mejl.` }),
  ).toBeFocused()
  await expect(reporterSummary).toContainText('Inkommit')
  await statusForm.getByLabel('Under bearbetning').check()
  await handling.getByRole('button', { name: 'Ändra status' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Ärendet har nu status Under bearbetning.' }),
  ).toBeVisible()
  await expect(reporterSummary).toContainText('Under bearbetning')

  // A message to the reporter joins both sides' dialogue.
  const write = page.getByRole('region', { name: `Skriv till ${REPORTER_NAME}` })
  await write.getByRole('button', { name: 'Skicka meddelandet' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })).toContainText(
    'Skriv ett meddelande.',
  )
  await write.getByLabel('Meddelande').fill('Hej Bertil! Vi har låst upp ditt konto. Prova igen.')
  await write.getByRole('button', { name: 'Skicka meddelandet' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `Meddelandet är skickat till ${REPORTER_NAME}.` }),
  ).toBeFocused()
  await expect(write.getByLabel('Meddelande')).toHaveValue('')
  await expect(page.getByRole('region', { name: 'Meddelanden' })).toContainText('Vi har låst upp ditt konto.')
  await expect(reporter.getByRole('region', { name: 'Meddelanden' })).toContainText(
    'Vi har låst upp ditt konto.',
  )

  // "Avsluta ärendet" asks for the answer first; without it the dialog says so and nothing changes.
  await page.getByRole('button', { name: 'Avsluta ärendet' }).click()
  const dialog = page.getByRole('dialog', { name: `Avsluta ärende ${number}?` })
  await expect(dialog).toContainText(`Svaret mejlas till ${REPORTER_NAME}`)
  await dialog.getByRole('button', { name: 'Ja, avsluta och skicka svaret' }).click()
  await expect(dialog.getByRole('alert')).toContainText(`Skriv svaret till ${REPORTER_NAME}.`)
  await expectNoAxeViolations(page)
  // Avbryt leaves it open, and focus goes back to the button.
  await dialog.getByRole('button', { name: 'Avbryt' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Avsluta ärendet' })).toBeFocused()

  // The reporter is writing as support closes the case: the text is kept, read-only, and says why.
  const draft = 'Tack! Jag provar igen i morgon.'
  await reporter.getByRole('textbox', { name: 'Meddelande', exact: true }).fill(draft)

  const answer = 'Kontot är upplåst och inloggningen fungerar igen.'
  await closeCase(page, number, answer)
  await expect(handling).toContainText('Avslutat')
  await expect(page.getByRole('region', { name: 'Svar' })).toContainText(answer)
  await expect(page.getByRole('region', { name: `Skriv till ${REPORTER_NAME}` })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // The reporter's page, never reloaded: Avslutat, the answer highlighted, and it is said.
  await expect(reporterSummary).toContainText('Avslutat')
  await expect(reporter.getByRole('region', { name: 'Svar' })).toContainText(answer)
  await expect(
    reporter.getByRole('status').filter({ hasText: 'Ärendet är avslutat och har fått ett svar.' }),
  ).toBeVisible()
  await expect(reporter.getByRole('textbox', { name: 'Meddelande', exact: true })).toHaveValue(draft)
  await expect(reporter.getByRole('textbox', { name: 'Meddelande', exact: true })).not.toBeEditable()
  await expect(reporter.getByText('Ärendet avslutades medan du skrev.')).toBeVisible()
  await expect(reporter.getByRole('button', { name: 'Skicka meddelandet' })).toHaveCount(0)
  expect(reporterNavigations).toBe(0)

  // The queue no longer lists it among the open cases, but among the closed ones.
  await page.getByRole('link', { name: 'Tillbaka till Ärenden' }).click()
  await expect(page).toHaveURL(/area=IT/)
  await expect(page.getByRole('row', { name: new RegExp(number) })).toHaveCount(0)
  await page.getByLabel('Status').selectOption({ label: 'Avslutat' })
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(
    page
      .getByRole('table', { name: 'Ärenden med status Avslutat' })
      .getByRole('row', { name: new RegExp(number) }),
  ).toBeVisible()
  await reporter.context().close()
})

test("a phone case registered by support appears in the reporter's list, marked as received by phone", async ({
  page,
  browser,
}) => {
  const subject = `Rättelseblankett per telefon ${Date.now()}`
  await openQueue(page)
  await page.getByRole('link', { name: 'Registrera telefonärende' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera telefonärende' })).toBeVisible()

  // Nothing chosen: every field says what to do, the summary first.
  await page.getByRole('button', { name: 'Registrera ärendet' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  for (const message of ['Välj organisation.', 'Välj område.', 'Skriv ett ämne.', 'Skriv ett meddelande.']) {
    await expect(summary.getByRole('link', { name: message })).toBeVisible()
  }
  await expectNoAxeViolations(page)

  // The organisation, found by name; then the person who called.
  await page.getByRole('searchbox', { name: 'Sök organisation' }).fill('Norrby')
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: `${REGION} (212000-1116)` })
  await page.getByRole('button', { name: 'Registrera ärendet' }).click()
  await expect(summary.getByRole('link', { name: 'Välj den person som ringde.' })).toBeVisible()
  await expect(summary.getByRole('link', { name: 'Välj organisation.' })).toHaveCount(0)
  await page.getByLabel('Person').selectOption({ label: `${REPORTER_NAME} (${REPORTER})` })
  await page.getByRole('group', { name: 'Område' }).getByLabel('Lön', { exact: true }).check()
  // Beslut/Underlag needs the document, by the same rule as Skapa ärende; support uploads it.
  await page.getByRole('group', { name: 'Delområde' }).getByLabel('Beslut/Underlag').check()
  await page.getByLabel('Ämne').fill(subject)
  await page.getByLabel('Meddelande').fill('Bertil ringde och mejlade rättelseblanketten för november.')
  await page.getByRole('button', { name: 'Registrera ärendet' }).click()
  await expect(
    summary.getByRole('link', { name: 'Bifoga minst en fil: Lön → Beslut/Underlag kräver en bilaga.' }),
  ).toBeVisible()
  await page.getByLabel('Bifoga filer').setInputFiles(PDF)
  await expect(
    page
      .getByRole('list', { name: 'Bifogade filer' })
      .getByRole('listitem')
      .filter({ hasText: 'underlag.pdf' })
      .getByRole('img', { name: 'Uppladdad' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Registrera ärendet' }).click()

  // The confirmation: focus on its heading, the number, who was mailed.
  await expect(page.getByRole('heading', { level: 1, name: 'Telefonärendet är registrerat' })).toBeFocused()
  const number = (await page.getByText(/^\d{4}-\d{6}$/).textContent()) ?? ''
  expect(number).toMatch(/^\d{4}-\d{6}$/)
  await expect(page.getByRole('main')).toContainText(`${REPORTER_NAME} har fått ett mejl med ärendenumret.`)
  await expectNoAxeViolations(page)

  // Bertil's Mina ärenden lists it, marked as received by phone; the case says who registered it.
  const reporter = await otherPerson(browser, REPORTER)
  await reporter
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Mina ärenden' })
    .click()
  const row = reporter
    .getByRole('table', { name: 'Mina ärenden' })
    .getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText(subject)
  await expect(row).toContainText('Mottaget per telefon')
  await expect(row).toContainText('Inkommit')
  await row.getByRole('link', { name: number }).click()
  await expect(reporter.getByRole('region', { name: 'Frågan' })).toContainText(
    'Mottaget per telefon, registrerat av Sara Support',
  )
  await expect(reporter.getByRole('link', { name: /Ladda ner underlag\.pdf/ })).toBeVisible()
  await reporter.context().close()

  // Closed again, so the queue's open cases are as they were.
  await page.getByRole('link', { name: 'Öppna ärendet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Frågan' })).toContainText('Mottaget per telefon')
  await closeCase(page, number, 'Lönebeskedet är skickat till dig igen.')
})

test('a change made elsewhere meanwhile is refused with an offer to reload, and the reloaded case says how it is now', async ({
  page,
  browser,
}) => {
  const reporter = await otherPerson(browser, REPORTER)
  const number = await createCase(reporter, `Behörighet Palasso ${Date.now()}`)
  await reporter.context().close()

  // This page hears of no change (its live updates are cut off), so it goes on showing the case as it was.
  await page.route('**/api/trpc/caseLive.events**', (route) => route.abort())
  await openQueue(page)
  // The caller reads the number from their mail: a search finds it.
  await page.getByRole('searchbox', { name: 'Sök på ärendenummer eller ämne' }).fill(number)
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `Visar ärenden som matchar ”${number}”.` }),
  ).toBeVisible()
  const rows = page
    .getByRole('table', { name: 'Öppna ärenden' })
    .getByRole('rowgroup')
    .nth(1)
    .getByRole('row')
  await expect(rows).toHaveCount(1)
  await rows.getByRole('link', { name: number }).click()
  const handling = page.getByRole('region', { name: 'Handläggning' })
  await expect(handling).toContainText('Ingen har tagit ärendet än.')

  // A colleague (here the same person in another tab) takes the case meanwhile.
  const colleague = await page.context().newPage()
  await colleague.goto(page.url())
  await colleague
    .getByRole('region', { name: 'Handläggning' })
    .getByRole('button', { name: 'Ta ärendet', exact: true })
    .click()
  await expect(colleague.getByRole('status').filter({ hasText: 'Du har tagit ärendet.' })).toBeVisible()
  await colleague.close()

  // Changing the status from the old page is refused: it says why and offers to reload.
  await handling.getByRole('group', { name: 'Ändra status' }).getByLabel('Under bearbetning').check()
  await handling.getByRole('button', { name: 'Ändra status' }).click()
  const refusal = handling.getByRole('alert')
  await expect(refusal).toContainText('Ärendet har ändrats sedan du öppnade det')
  await expectNoAxeViolations(page)
  await refusal.getByRole('button', { name: 'Ladda om ärendet' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Ärendet är hämtat på nytt och visar hur det ser ut nu.' }),
  ).toBeFocused()
  await expect(handling).toContainText('Under bearbetning')
  await expect(handling).toContainText('Sara Support (du)')
  await expect(handling.getByRole('alert')).toHaveCount(0)

  await closeCase(page, number, 'Du har nu behörighet i Palasso.')

  // A case that doesn't exist (a mistyped link) says so, under the page's heading.
  await page.goto('/support/arenden/00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Ärende' })).toBeVisible()
  await expect(page.getByText('Ärendet finns inte, eller så får du inte se det.')).toBeVisible()
})
