import { fileURLToPath } from 'node:url'
import type { APIRequestContext } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { newestMail } from './support/mailbox.ts'
import { choosePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

/** Ida Handläggare (Testbanken): one pair, and no other spec changes her account or reads her mail. */
const IDA = 'ida@testbanken.example'
const PDF = fileURLToPath(new URL('./fixtures/underlag.pdf', import.meta.url))

/** Waits for the newest mail to `recipient` whose subject names `number` (the outbox delivers within a second). */
async function waitForCaseMail(request: APIRequestContext, recipient: string, number: string) {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const mail = await newestMail(request, recipient)
    if (mail?.subject?.includes(number)) return mail
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No mail about case ${number} to ${recipient} within 15 s`)
}

test('a person creates a "Lön → Beslut/Underlag" case: without a file nothing is saved, with a PDF the green dot shows, the case is created and its receipt is mailed', async ({
  page,
  context,
  request,
}) => {
  // Unique per run: the specs share one database.
  const subject = `Anställningsbeslut ${Date.now()}`
  await signIn(page, IDA)
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Mina ärenden' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mina ärenden' })).toBeVisible()
  await page.getByRole('link', { name: 'Skapa ärende' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Skapa ärende' })).toBeVisible()

  // Delområde appears only once an area with sub-areas is chosen.
  await expect(page.getByRole('group', { name: 'Delområde' })).toHaveCount(0)
  await page.getByRole('group', { name: 'Område' }).getByLabel('Lön', { exact: true }).check()
  await page.getByRole('group', { name: 'Delområde' }).getByLabel('Beslut/Underlag').check()
  await page.getByLabel('Ämne').fill(subject)
  await page.getByLabel('Meddelande').fill('Här är anställningsbeslutet för den nya medarbetaren.')
  await page.getByRole('button', { name: 'Skicka ärendet' }).click()

  // Without a file: the summary takes focus and links to "Bifoga filer", the message is next to the field.
  const required = 'Bifoga minst en fil: Lön → Beslut/Underlag kräver en bilaga.'
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: required })).toBeVisible()
  const fileInput = page.getByLabel('Bifoga filer')
  await expect(fileInput).toHaveAccessibleDescription(
    new RegExp(required.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
  )
  await expectNoAxeViolations(page)

  // Nothing was saved: Mina ärenden (in another tab, so the form stays as it is) has no such case.
  const list = await context.newPage()
  await list.goto(`/arenden?search=${encodeURIComponent(subject)}`)
  await expect(list.getByText('Inga ärenden stämmer med det du har valt.')).toBeVisible()
  await list.close()

  // A file the server refuses says why, next to its name, and can be removed.
  await fileInput.setInputFiles({
    name: 'sida.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<p>Hej</p>'),
  })
  const files = page.getByRole('list', { name: 'Bifogade filer' })
  await expect(files.getByRole('listitem').filter({ hasText: 'sida.html' })).toContainText(
    'Filer av den typen tar vi inte emot.',
  )
  await files.getByRole('button', { name: 'Ta bort sida.html' }).click()
  await expect(fileInput).toBeFocused()
  await expect(files).toHaveCount(0)

  // The PDF uploads at once; while it does (held back here), "Skicka ärendet" says to wait and sends nothing.
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/api/files', async (route) => {
    await held
    await route.continue()
  })
  await fileInput.setInputFiles(PDF)
  await expect(page.getByText('Laddar upp …')).toBeVisible()
  await page.getByRole('button', { name: 'Skicka ärendet' }).click()
  await expect(
    summary.getByRole('link', { name: 'Vänta tills filerna är uppladdade innan du skickar ärendet.' }),
  ).toBeVisible()
  release()

  // Then the green dot, named "Uppladdad", beside its name.
  const pdf = page
    .getByRole('list', { name: 'Bifogade filer' })
    .getByRole('listitem')
    .filter({ hasText: 'underlag.pdf' })
  await expect(pdf.getByRole('img', { name: 'Uppladdad' })).toBeVisible()
  await page.unroute('**/api/files')
  await page.getByRole('button', { name: 'Skicka ärendet' }).click()

  // The confirmation: focus on its heading, the number, that the receipt was mailed, a link to the case.
  const heading = page.getByRole('heading', { level: 1, name: 'Ärendet är skapat' })
  await expect(heading).toBeFocused()
  const number = (await page.getByText(/^\d{4}-\d{6}$/).textContent()) ?? ''
  expect(number).toMatch(/^\d{4}-\d{6}$/)
  await expect(page.getByText('Vi har skickat ett mejl till dig med ärendenumret som kvitto.')).toBeVisible()
  await expectNoAxeViolations(page)

  const mail = await waitForCaseMail(request, IDA, number)
  expect(mail.subject).toBe(`Ärende ${number} har tagits emot`)
  expect(mail.text).toContain('Område: Lön → Beslut/Underlag')
  expect(mail.text).toContain(`Ämne: ${subject}`)

  // The case page: the question with its file as a download link, Inkommit, and the reply form.
  await page.getByRole('link', { name: 'Visa ärendet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
  await expect(page.getByRole('link', { name: /Ladda ner underlag\.pdf/ })).toHaveAttribute(
    'href',
    /^\/api\/files\//,
  )
  await expect(page.getByText('Inkommit').first()).toBeVisible()
  await expectNoAxeViolations(page)

  // Mina ärenden lists it, newest first.
  await page.getByRole('link', { name: 'Tillbaka till Mina ärenden' }).click()
  const firstRow = page.getByRole('table', { name: 'Mina ärenden' }).getByRole('row').nth(1)
  await expect(firstRow).toContainText(number)
  await expect(firstRow).toContainText(subject)
  await expect(firstRow).toContainText('Lön → Beslut/Underlag')
  await expectNoAxeViolations(page)
})

test('an administrator reads the answer of her closed case, writes in an open one with a file, and lets everyone in the organisation see its cases', async ({
  page,
}) => {
  // Anna Andersson's demo cases (packages/db/src/seed/demo-cases.ts): one Avslutat, one Inkommit.
  await signIn(page, 'anna.andersson@norrby.example')
  await choosePair(page, 'Administratör hos Region Norrby (demo)')
  await page.goto('/arenden')
  const table = page.getByRole('table', { name: 'Mina ärenden' })
  const closedRow = table.getByRole('row').filter({ hasText: 'Semesterdagar som saknas på lönebeskedet' })
  await expect(closedRow).toContainText('Avslutat')
  await expectNoAxeViolations(page)

  // Avslutat: the answer is highlighted, the dialogue is there, and nobody can write any more.
  await closedRow.getByRole('link').first().click()
  const answer = page.getByRole('region', { name: 'Svar' })
  await expect(answer).toContainText('Sjukdagarna 6–8 augusti var registrerade som semester.')
  await expect(page.getByRole('region', { name: 'Meddelanden' }).getByRole('listitem')).toHaveCount(2)
  await expect(page.getByRole('button', { name: 'Skicka meddelandet' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // An open case: a message with a file joins the dialogue, and it is said.
  await page.getByRole('link', { name: 'Tillbaka till Mina ärenden' }).click()
  await table
    .getByRole('row')
    .filter({ hasText: 'Kommer inte in i Primula' })
    .getByRole('link')
    .first()
    .click()
  const body = `Jag har bifogat en skärmdump av felet (${Date.now()}).`
  await page.getByRole('textbox', { name: 'Meddelande' }).fill(body)
  await page.getByLabel('Bifoga filer').setInputFiles(PDF)
  await expect(page.getByRole('img', { name: 'Uppladdad' })).toBeVisible()
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Ditt meddelande är skickat.' })).toBeFocused()
  const sent = page
    .getByRole('region', { name: 'Meddelanden' })
    .getByRole('listitem')
    .filter({ hasText: body })
  await expect(sent).toContainText('Anna Andersson')
  await expect(sent.getByRole('link', { name: /Ladda ner underlag\.pdf/ })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Meddelande' })).toHaveValue('')

  // "Vem ser organisationens ärenden?": everyone, after a question; then the organisation's cases.
  await page.goto('/arenden')
  const setting = page.getByRole('region', { name: 'Vem ser organisationens ärenden?' })
  await setting.getByLabel('Alla i organisationen').check()
  await setting.getByRole('button', { name: 'Spara' }).click()
  const dialog = page.getByRole('dialog', { name: 'Ändra vem som ser organisationens ärenden?' })
  await expect(dialog).toContainText('Alla i organisationen')
  await dialog.getByRole('button', { name: 'Ja, ändra' }).click()
  await expect(setting.getByRole('status')).toContainText(
    'Sparat. Alla i organisationen ser organisationens ärenden.',
  )
  await page.getByRole('link', { name: 'Organisationens ärenden' }).click()
  const organization = page.getByRole('table', { name: 'Organisationens ärenden' })
  const phoneRow = organization.getByRole('row').filter({ hasText: 'Omföring mellan kostnadsställen' })
  await expect(phoneRow).toContainText('Mottaget per telefon')
  await expect(phoneRow).toContainText('Bertil Beställare')
  await expectNoAxeViolations(page)

  // Back as it was, for the other specs.
  await setting.getByLabel('Bara den som skapat ärendet').check()
  await setting.getByRole('button', { name: 'Spara' }).click()
  await dialog.getByRole('button', { name: 'Ja, ändra' }).click()
  await expect(setting.getByRole('status')).toContainText('Sparat. Bara den som skapat ett ärende ser det.')
})
