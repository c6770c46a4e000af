import { choosePasswordAndSignIn, signInAs, uniquePerson, waitForMail } from './support/admin.ts'
import { activePair } from './support/session.ts'
import { expect, test } from './support/test.ts'

const ADMIN = 'anna.andersson@norrby.example'
const ADMIN_PAIR = 'Administratör hos Region Norrby (demo)'

test('an administrator adds a person, who chooses a password and signs in; roles change; the log shows both', async ({
  page,
  browser,
}) => {
  const person = uniquePerson('Attestant')
  await signInAs(page, ADMIN, ADMIN_PAIR)
  await page.goto('/medlemmar')
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.getByRole('table', { name: 'Personer i organisationen' })).toBeVisible()

  const addButton = page.getByRole('button', { name: 'Lägg till person' })
  await addButton.click()
  const dialog = page.getByRole('dialog', { name: 'Lägg till person' })
  await expect(dialog).toBeVisible()
  // Focus moves into the dialog, to its first field.
  await expect(dialog.getByRole('textbox', { name: 'Namn', exact: true })).toBeFocused()

  // Sent empty: the error summary says what to fix and links to each field.
  await dialog.getByRole('button', { name: 'Spara' }).click()
  const summary = dialog.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText([
    'Ange personens namn.',
    'Ange personens e-postadress.',
    'Ange ett användarnamn.',
    'Välj minst en roll.',
  ])
  await summary.getByRole('link', { name: 'Ange personens e-postadress.' }).click()
  await expect(dialog.getByRole('textbox', { name: 'E-post' })).toBeFocused()

  // Användarnamn follows the e-mail address as it is typed.
  await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill(person.name)
  await dialog.getByRole('textbox', { name: 'E-post' }).fill(person.email)
  await expect(dialog.getByRole('textbox', { name: 'Användarnamn' })).toHaveValue(person.email)
  await expect(dialog.getByRole('checkbox', { name: 'Ansvarig' })).toHaveCount(0)
  await dialog.getByRole('checkbox', { name: 'Attestant' }).check()
  await dialog.getByRole('button', { name: 'Spara' }).click()

  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: 'Personen har fått en inbjudan via mejl' }),
  ).toBeVisible()
  await expect(addButton).toBeFocused()
  const row = page.getByRole('row', { name: new RegExp(person.name) })
  await expect(row).toContainText('Attestant')
  await expect(row).toContainText('Har inte loggat in än')
  await expect(row).toContainText('Inbjuden')
  await expect(row.getByRole('button', { name: `Skicka inbjudan igen till ${person.name}` })).toBeVisible()

  // The invitation, in the person's own browser: choose a password, sign in, straight in as Attestant.
  const mail = await waitForMail(page.request, person.email, 'Välkommen till Kundnav')
  expect(mail.subject).toBe('Välkommen till Kundnav – Region Norrby (demo)')
  const newcomer = await choosePasswordAndSignIn(
    browser,
    mail.link,
    person.email,
    'en lång och hemlig mening',
  )
  await expect(activePair(newcomer)).toHaveText('Attestant hos Region Norrby (demo)')
  await newcomer.context().close()

  // Back as the administrator: the person has logged in now; give them Beställare too.
  await page.reload()
  await expect(row).toBeVisible()
  await expect(row).not.toContainText('Har inte loggat in än')
  await expect(row).toContainText('Aktiv')
  await row.getByRole('button', { name: `Ändra roller för ${person.name}` }).click()
  const rolesDialog = page.getByRole('dialog', { name: `Ändra roller för ${person.name}` })
  await expect(rolesDialog.getByRole('checkbox', { name: 'Attestant' })).toBeChecked()
  await expect(rolesDialog).toContainText(
    'Ansvarig finns inte med här. Den rollen ändras genom att kontakta supporten.',
  )
  await rolesDialog.getByRole('checkbox', { name: 'Beställare' }).check()
  await rolesDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(rolesDialog).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: `Rollerna för ${person.name} är ändrade.` }),
  ).toBeVisible()
  await expect(row.getByRole('cell', { name: 'Beställare, Attestant' })).toBeVisible()

  // The log: both changes, in words.
  await page.goto('/logg')
  await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible()
  await page.getByLabel('Händelse', { exact: true }).selectOption({ label: 'Personer och roller' })
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(page).toHaveURL(/action=member\./)
  const events = page.getByRole('table', { name: 'Händelser' })
  const changed = events
    .getByRole('row')
    .filter({ hasText: 'Ändrade roller' })
    .filter({ hasText: person.name })
  await expect(changed).toContainText('Roller före: Attestant. Efter: Beställare, Attestant.')
  await expect(changed).toContainText('Anna Andersson')
  const added = events
    .getByRole('row')
    .filter({ hasText: 'Lade till en person' })
    .filter({ hasText: person.name })
  await expect(added).toContainText('Roller: Attestant')
  // Newest first.
  const rows = await events.getByRole('row').allInnerTexts()
  const changedAt = rows.findIndex((text) => text.includes('Ändrade roller') && text.includes(person.name))
  const addedAt = rows.findIndex((text) => text.includes('Lade till en person') && text.includes(person.name))
  expect(changedAt).toBeLessThan(addedAt)
  await expect(events.getByRole('row').filter({ hasText: 'Loggade in' })).toHaveCount(0)
})

test('the last administrator cannot lose the role or be removed, and nothing changes', async ({ page }) => {
  await signInAs(page, ADMIN, ADMIN_PAIR)
  await page.goto('/medlemmar')
  const anna = page.getByRole('row', { name: /Anna Andersson/ })
  await expect(anna).toContainText('Administratör')

  await anna.getByRole('button', { name: 'Ändra roller för Anna Andersson' }).click()
  const dialog = page.getByRole('dialog', { name: 'Ändra roller för Anna Andersson' })
  await dialog.getByRole('checkbox', { name: 'Administratör' }).uncheck()
  await dialog.getByRole('button', { name: 'Spara' }).click()
  const refusal = 'Organisationen måste ha minst en administratör. Ge någon annan rollen Administratör först.'
  const summary = dialog.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toContainText(refusal)
  await expect(summary).toBeFocused()
  await dialog.getByRole('button', { name: 'Avbryt' }).click()
  await expect(dialog).toBeHidden()
  // Focus goes back to where the dialog was opened from.
  await expect(anna.getByRole('button', { name: 'Ändra roller för Anna Andersson' })).toBeFocused()

  await anna.getByRole('button', { name: 'Ta bort Anna Andersson' }).click()
  const confirm = page.getByRole('dialog', { name: 'Ta bort Anna Andersson från organisationen?' })
  await confirm.getByRole('button', { name: 'Ta bort' }).click()
  await expect(confirm.getByRole('alert')).toContainText(refusal)
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()

  await page.reload()
  await expect(anna.getByRole('cell', { name: 'Administratör, Beställare, Attestant' })).toBeVisible()
})

test('members can be searched, and the page works in English and at 360 px', async ({ page }) => {
  await signInAs(page, ADMIN, ADMIN_PAIR)
  await page.goto('/medlemmar')
  await page.getByRole('searchbox', { name: 'Sök person' }).fill('bertil')
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  const table = page.getByRole('table', { name: 'Personer i organisationen' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Bertil Beställare')
  await page.getByRole('searchbox', { name: 'Sök person' }).fill('finns-inte-alls')
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByText('Ingen person matchar ”finns-inte-alls”.')).toBeVisible()
  await page.getByRole('button', { name: 'Visa alla' }).click()
  await expect(table.getByRole('row', { name: /Anna Andersson/ })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add person' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Anna Andersson/ })).toContainText(
    'Administrator, Orderer, Approver',
  )
  await page.getByRole('button', { name: 'Svenska' }).click()

  await page.setViewportSize({ width: 360, height: 740 })
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar' })).toBeVisible()
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})

test('the members page shows a skeleton while loading', async ({ page }) => {
  await signInAs(page, ADMIN, ADMIN_PAIR)
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/api/trpc/*member.list*', async (route) => {
    await released
    await route.continue()
  })
  await page.goto('/medlemmar')
  const loading = page.getByRole('status').filter({ hasText: 'Hämtar personer' })
  await expect(loading).toBeAttached()
  release()
  await expect(loading).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Personer i organisationen' })).toBeVisible()
})

test('"Visa fler" fetches the next people by name and moves focus to the first of them', async ({ page }) => {
  await signInAs(page, ADMIN, ADMIN_PAIR)
  // The demo organisation fits on one page: cut the first answer after two people, as if the page size
  // were two; the second request (with the cursor) goes to the server as it is.
  await page.route('**/api/trpc/**', async (route) => {
    const url = new URL(route.request().url())
    const procedures = url.pathname.replace(/^\/api\/trpc\//, '').split(',')
    const slot = procedures.indexOf('member.list')
    const input = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, object | undefined>
    if (slot === -1 || 'cursor' in (input[String(slot)] ?? {})) return route.continue()
    const response = await route.fetch()
    const results = (await response.json()) as {
      result: { data: { items: { name: string; membershipId: string }[] } }
    }[]
    const answer = results[slot]
    if (!answer) return route.fulfill({ response })
    const items = answer.result.data.items.slice(0, 2)
    const last = items.at(-1)
    const cut = { items, nextCursor: last ? { name: last.name, id: last.membershipId } : null }
    results[slot] = { result: { data: cut } }
    await route.fulfill({ response, status: 200, json: results })
  })

  await page.goto('/medlemmar')
  const table = page.getByRole('table', { name: 'Personer i organisationen' })
  const body = table.getByRole('rowgroup').nth(1)
  await expect(body.getByRole('row')).toHaveCount(2)
  await expect(body.getByRole('row').first()).toContainText('Anna Andersson')

  await page.getByRole('button', { name: 'Visa fler' }).click()
  await expect(body.getByRole('row', { name: /Cecilia Attestant/ })).toBeVisible()
  // Focus is on the third person: the first of the new ones.
  await expect(body.getByRole('rowheader').nth(2)).toBeFocused()
  await expect(body.getByRole('row', { name: /Anna Andersson/ })).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Visa fler' })).toHaveCount(0)
  await expect(page.getByText('Det finns inga fler personer.')).toBeVisible()
})
