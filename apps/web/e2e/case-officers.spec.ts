import type { Page } from '@playwright/test'
import { choosePasswordAndSignIn, signInAs, uniquePerson, waitForMail } from './support/admin.ts'
import { activePair } from './support/session.ts'
import { expect, test } from './support/test.ts'

const RESPONSIBLE = 'testbanken'
const RESPONSIBLE_PAIR = 'Ansvarig hos Testbanken AB (demo)'

/** A day `days` from now, as `<input type="date">` takes it, in Swedish time. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * 24 * 60 * 60 * 1000),
  )
}

function internalBox(page: Page) {
  return page.getByRole('region', { name: 'Handläggare i din organisation' })
}

function externalBox(page: Page) {
  return page.getByRole('region', { name: 'Handläggare utanför din organisation' })
}

test('an Ansvarig registers internal and external handläggare; removing one refuses their next request', async ({
  page,
  browser,
}) => {
  const internal = uniquePerson('Intern')
  const external = uniquePerson('Extern')
  const internalUsername = `intern-${internal.stamp}`

  await signInAs(page, RESPONSIBLE, RESPONSIBLE_PAIR)
  await page.goto('/handlaggare')
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera handläggare' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  // The page says what happens: Kundnav mails the invitation itself.
  await expect(page.getByRole('heading', { name: 'Personen får en inbjudan från Kundnav' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText(
    'skickar Kundnav själv ett mejl till personen med en inbjudan',
  )
  await expect(page.getByRole('main')).not.toContainText('Berätta för personen')

  // An internal one: the organisation's name is filled in and can't be changed.
  const addInternal = internalBox(page).getByRole('button', { name: 'Lägg till' })
  await addInternal.click()
  const internalDialog = page.getByRole('dialog', { name: 'Skapa ny intern handläggare' })
  await expect(internalDialog.getByRole('textbox', { name: 'Namn', exact: true })).toBeFocused()
  const organization = internalDialog.getByRole('textbox', { name: 'Organisationsnamn' })
  await expect(organization).toHaveValue('Testbanken AB (demo)')
  await expect(organization).not.toBeEditable()
  await expect(internalDialog).toContainText(
    'Ange för- och efternamn på personen du vill registrera som handläggare.',
  )
  await expect(internalDialog).toContainText(
    'Ange personens e-postadress. Dit skickar Kundnav inbjudan med användarnamnet och en länk för att välja lösenord.',
  )
  await internalDialog.getByRole('textbox', { name: 'Namn', exact: true }).fill(internal.name)
  await internalDialog.getByRole('textbox', { name: 'Användarnamn' }).fill(internalUsername)
  await internalDialog.getByRole('textbox', { name: 'E-post' }).fill('inte en adress')
  await internalDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(internalDialog.getByRole('alert')).toContainText(
    'Ange e-postadressen i formatet namn@exempel.se.',
  )
  await internalDialog.getByRole('textbox', { name: 'E-post' }).fill(internal.email)
  await internalDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(internalDialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Handläggaren är sparad.' })).toContainText(
    `Kundnav har mejlat ${internal.name} en inbjudan.`,
  )
  await expect(addInternal).toBeFocused()
  const internalRow = internalBox(page).getByRole('row', { name: new RegExp(internal.name) })
  await expect(internalRow).toContainText('Testbanken AB (demo)')
  await expect(internalRow).toContainText(internal.email)

  // An external one: the organisation is typed in, and the access may end by itself.
  const endsOn = dayFromNow(30)
  await externalBox(page).getByRole('button', { name: 'Lägg till' }).click()
  const externalDialog = page.getByRole('dialog', { name: 'Skapa ny extern handläggare' })
  await externalDialog.getByRole('textbox', { name: 'Namn', exact: true }).fill(external.name)
  await externalDialog.getByRole('textbox', { name: 'Organisationsnamn' }).fill('Konsultbyrån Test AB')
  await externalDialog.getByRole('textbox', { name: 'Användarnamn' }).fill(external.email)
  await externalDialog.getByRole('textbox', { name: 'E-post' }).fill(external.email)
  await externalDialog.getByLabel('Slutdatum (valfritt)').fill(endsOn)
  await externalDialog.getByRole('button', { name: 'Spara' }).click()
  await expect(externalDialog).toBeHidden()
  const externalRow = externalBox(page).getByRole('row', { name: new RegExp(external.name) })
  await expect(externalRow).toContainText('Konsultbyrån Test AB')
  const [year, month, day] = endsOn.split('-').map(Number)
  await expect(externalRow).toContainText(
    new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(year ?? 0, (month ?? 1) - 1, day ?? 1),
    ),
  )
  await expect(internalBox(page).getByRole('row', { name: new RegExp(external.name) })).toHaveCount(0)

  // The internal one got the invitation the page promised: a password from its link, and signed in.
  const mail = await waitForMail(page.request, internal.email, 'Välkommen till Kundnav')
  const officer = await choosePasswordAndSignIn(
    browser,
    mail.link,
    internalUsername,
    'ett nytt och långt lösenord',
  )
  await expect(activePair(officer)).toHaveText('Handläggare hos Testbanken AB (demo)')

  // The Ansvarig removes them, after saying who.
  await page.reload()
  await internalRow.getByRole('button', { name: `Ta bort ${internal.name}` }).click()
  const confirm = page.getByRole('dialog', { name: `Ta bort ${internal.name} som handläggare?` })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Ta bort' }).click()
  await expect(confirm).toBeHidden()
  const removed = page.getByRole('status').filter({ hasText: 'Handläggaren är borttagen' })
  await expect(removed).toBeVisible()
  await expect(removed).toBeFocused()
  await expect(internalRow).toHaveCount(0)

  // The person's very next request is refused: the session has no role left anywhere.
  await officer.reload()
  await expect(officer.getByText('Handläggare hos Testbanken AB (demo)')).toHaveCount(0)
  const session = await officer.request.get('/api/trpc/session.get', { headers: { 'x-kundnav-csrf': '1' } })
  const body = (await session.json()) as {
    result: { data: { active: unknown; pairs: unknown[] } | null }
  }
  const now = body.result.data
  if (now) {
    expect(now.active).toBeNull()
    expect(now.pairs).toEqual([])
    // The chooser has nothing to offer them.
    await officer.goto('/valj-roll')
    await expect(officer.getByRole('heading', { level: 1, name: 'Du har ingen roll än' })).toBeVisible()
    await expect(officer.getByRole('button', { name: 'Handläggare hos Testbanken AB (demo)' })).toHaveCount(0)
  } else {
    await expect(officer).toHaveURL(/\/logga-in/)
  }
  await officer.context().close()
})

test('removing a handläggare asks first and can be cancelled; the page works at 360 px', async ({ page }) => {
  await signInAs(page, RESPONSIBLE, RESPONSIBLE_PAIR)
  await page.goto('/handlaggare')
  const ida = internalBox(page).getByRole('row', { name: /Ida Handläggare/ })
  const remove = ida.getByRole('button', { name: 'Ta bort Ida Handläggare' })
  await remove.click()
  const confirm = page.getByRole('dialog', { name: 'Ta bort Ida Handläggare som handläggare?' })
  // Focus starts on the safe choice.
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Avbryt' }).click()
  await expect(confirm).toBeHidden()
  await expect(remove).toBeFocused()
  await expect(ida).toBeVisible()

  await page.setViewportSize({ width: 360, height: 740 })
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera handläggare' })).toBeVisible()
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})

test('a role without access is told whom the page is for instead of seeing it', async ({ page }) => {
  await signInAs(page, 'anna.andersson@norrby.example', 'Administratör hos Region Norrby (demo)')
  await page.goto('/handlaggare')
  await expect(page.getByRole('heading', { level: 1, name: 'Du har inte tillgång till sidan' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Sidan är till för Ansvarig.')
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera handläggare' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Lägg till/ })).toHaveCount(0)
})
