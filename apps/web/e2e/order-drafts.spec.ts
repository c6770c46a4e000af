import { signInAs } from './support/admin.ts'
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

test('a draft left at step 4 is resumed from "Dina utkast" with everything entered still there, and can be deleted', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, WEBCERT_VIA_AGENT)
  await fillWebcertFields(page, '7')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  for (const question of await page.getByRole('checkbox').all()) await question.check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Box 55')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('90555')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Utkastby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Utkast 1')
  await continueTo(page, 'Steg 4 av 6: Attestant')

  // A reload lands on the step saved.
  await page.reload()
  await expectStep(page, 'Steg 4 av 6: Attestant')

  // Leave, then resume from "Dina utkast".
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click()
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beställ', exact: true })
    .click()
  const drafts = page.getByRole('group', { name: 'Dina utkast' })
  const row = drafts
    .getByRole('row')
    .filter({ hasText: 'Attestant' })
    .filter({ hasText: WEBCERT_VIA_AGENT })
    .first()
  await expect(row).toBeVisible()
  await row.getByRole('link', { name: new RegExp(`^Fortsätt med ${WEBCERT_VIA_AGENT}`) }).click()
  await expectStep(page, 'Steg 4 av 6: Attestant')

  // Everything entered before is still there, step by step back.
  await page.getByRole('button', { name: 'Tillbaka' }).click()
  await expectStep(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await expect(
    page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }),
  ).toBeChecked()
  await expect(page.getByRole('textbox', { name: 'Utdelningsadress' })).toHaveValue('Box 55')
  await expect(page.getByRole('textbox', { name: 'Postnummer' })).toHaveValue('90555')
  await expect(page.getByRole('textbox', { name: 'Postort' })).toHaveValue('Utkastby')
  await expect(page.getByRole('textbox', { name: 'Fakturareferens' })).toHaveValue('Utkast 1')
  await page.getByRole('button', { name: 'Tillbaka' }).click()
  await expectStep(page, 'Steg 2 av 6: Intygandefrågor')
  for (const question of await page.getByRole('checkbox').all()) await expect(question).toBeChecked()
  await page.getByRole('button', { name: 'Tillbaka' }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
  await expect(page.getByRole('textbox', { name: 'Antal vårdenheter' })).toHaveValue('7')
  await expect(page.getByRole('combobox', { name: 'Källsystem (journalsystem)' })).toHaveValue('takecare')
  await expect(
    page.getByRole('combobox', { name: 'Agent (systemleverantör)' }).locator('option:checked'),
  ).toHaveText('Journalsystem AB (demo)')

  // "Tillbaka" saved the step too: "Dina utkast" says where the draft is now; delete it, asked first.
  await page.getByRole('button', { name: 'Tillbaka' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställ', exact: true })).toBeVisible()
  const resumed = drafts
    .getByRole('row')
    .filter({ hasText: 'Uppgifter om beställningen' })
    .filter({ hasText: WEBCERT_VIA_AGENT })
    .first()
  await expect(resumed).toBeVisible()
  const before = await drafts.getByRole('row').count()
  await resumed
    .getByRole('button', { name: new RegExp(`^Ta bort utkastet för ${WEBCERT_VIA_AGENT}`) })
    .click()
  const dialog = page.getByRole('dialog', { name: `Ta bort utkastet för ${WEBCERT_VIA_AGENT}?` })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Ta bort' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: `Utkastet för ${WEBCERT_VIA_AGENT} är borttaget.` }),
  ).toBeVisible()
  await expect(drafts.getByRole('row')).toHaveCount(before === 2 ? 0 : before - 1)
})

test('with no Attestant in the organisation the attester step says so and who can assign one', async ({
  page,
}) => {
  // Region Norrby has attestants; answer order.attesters as for an organisation without any. The client
  // batches calls, so only that procedure's slot is replaced.
  await page.route('**/api/trpc/**', async (route) => {
    const procedures = new URL(route.request().url()).pathname.replace(/^\/api\/trpc\//, '').split(',')
    const slot = procedures.indexOf('order.attesters')
    if (slot === -1) return route.continue()
    const response = await route.fetch()
    const results = (await response.json()) as unknown[]
    results[slot] = { result: { data: [] } }
    await route.fulfill({ response, json: results })
  })
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, 'Webcert Fristående')
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('1')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  await page.getByRole('checkbox').first().check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Box 1')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('90101')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Ingen attestant')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  const notice = page.getByRole('heading', { level: 2, name: 'Det finns ingen attestant' }).locator('..')
  await expect(notice).toContainText('Rollen Attestant behöver vara tilldelad innan det går att beställa.')
  await expect(notice).toContainText(
    'Be er organisations administratör att ge någon rollen Attestant under Medlemmar.',
  )
  await expect(page.getByRole('radio')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Fortsätt' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Tillbaka' })).toBeVisible()
})

test('a draft deleted in another tab: the wizard says it is gone instead of failing to save', async ({
  page,
}) => {
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, 'Webcert Fristående')
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('9')

  const other = await page.context().newPage()
  await other.goto('/bestall')
  const drafts = other.getByRole('group', { name: 'Dina utkast' })
  await drafts
    .getByRole('button', { name: /^Ta bort utkastet för Webcert Fristående/ })
    .first()
    .click()
  await other.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click()
  await expect(other.getByRole('status').filter({ hasText: 'är borttaget' })).toBeVisible()
  await other.close()

  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expect(page.getByRole('main')).toContainText(
    'Utkastet finns inte längre. Det kan redan vara skickat eller borttaget.',
  )
  await page.getByRole('link', { name: 'Gå till Beställ' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställ', exact: true })).toBeVisible()
})

test('a draft changed in another tab after the review is not sent as changed: the page asks to load it again', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await signInAs(page, ORDERER, ORDERER_PAIR)
  await startOrder(page, 'Webcert Fristående')
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('5')
  await continueTo(page, 'Steg 2 av 6: Intygandefrågor')
  await page.getByRole('checkbox').first().check()
  await continueTo(page, 'Steg 3 av 6: Fakturaadress och fakturareferens')
  await page.getByRole('radio', { name: 'Registrera en ny fakturaadress och fakturareferens' }).check()
  await page.getByRole('textbox', { name: 'Utdelningsadress' }).fill('Flikgatan 6')
  await page.getByRole('textbox', { name: 'Postnummer' }).fill('90106')
  await page.getByRole('textbox', { name: 'Postort' }).fill('Norrby')
  await page.getByRole('textbox', { name: 'Fakturareferens' }).fill('Två flikar')
  await continueTo(page, 'Steg 4 av 6: Attestant')
  await page.getByRole('radio', { name: 'Cecilia Attestant' }).check()
  await continueTo(page, 'Steg 5 av 6: Villkor')
  await page.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }).check()
  await continueTo(page, 'Steg 6 av 6: Kontrollera beställningen')

  // The same draft in another tab: 50 care units instead.
  const other = await page.context().newPage()
  await other.goto(page.url())
  await expectStep(other, 'Steg 6 av 6: Kontrollera beställningen')
  await other.getByRole('button', { name: 'Ändra antal vårdenheter' }).click()
  await other.getByRole('textbox', { name: 'Antal vårdenheter' }).fill('50')
  await continueTo(other, 'Steg 6 av 6: Kontrollera beställningen')
  await other.close()

  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: 'Beställningen har ändrats sedan du kontrollerade den' })
  await expect(refusal).toBeVisible()
  await refusal.getByRole('button', { name: 'Hämta beställningen igen' }).click()
  await expectStep(page, 'Steg 6 av 6: Kontrollera beställningen')
  await expect(page.getByRole('main')).toContainText('Antal vårdenheter50')
  await page.getByRole('button', { name: 'Skicka beställningen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställningen är skickad' })).toBeVisible()
})
