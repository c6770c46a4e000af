import { signInAs } from './support/admin.ts'
import { accountNav, expectActivePair } from './support/session.ts'
import { expect, test } from './support/test.ts'

/** A day `days` from now, as `<input type="date">` takes it, in Swedish time. */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() + days * 24 * 60 * 60 * 1000),
  )
}

test('the log filters by person, kind of event and days, and says when the dates are the wrong way round', async ({
  page,
}) => {
  await signInAs(page, 'anna.andersson@norrby.example', 'Beställare hos Region Norrby (demo)')
  // Choosing a role after signing in is the organisation's sign-in, in that role; a later switch says
  // from which role to which.
  await accountNav(page).getByRole('button', { name: 'Byt till …' }).click()
  await accountNav(page).getByRole('button', { name: 'Administratör hos Region Norrby (demo)' }).click()
  await expectActivePair(page, 'Administratör hos Region Norrby (demo)')
  await page.goto('/logg')
  await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible()
  const events = page.getByRole('table', { name: 'Händelser' })
  const signedIn = events.getByRole('row').filter({ hasText: 'Loggade in' }).first()
  await expect(signedIn).toContainText('Anna Andersson')
  await expect(signedIn).toContainText('som Beställare')
  const switched = events.getByRole('row').filter({ hasText: 'Bytte roll' }).first()
  await expect(switched).toContainText('Anna Andersson')
  await expect(switched).toContainText('som Administratör')
  await expect(switched).toContainText('Från Beställare till Administratör')

  // Only Anna's events.
  await page
    .getByLabel('Person', { exact: true })
    .selectOption({ label: 'Anna Andersson (anna.andersson@norrby.example)' })
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(page).toHaveURL(/person=/)
  await expect(page.getByRole('status').filter({ hasText: 'Loggen är filtrerad.' })).toBeVisible()
  const rows = events.getByRole('rowgroup').nth(1).getByRole('row')
  await expect(rows.first()).toBeVisible()
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Anna Andersson')

  // "Till och med" before "Från och med": said at the top and at the field, and nothing is filtered.
  await page.getByLabel('Från och med').fill(dayFromNow(0))
  await page.getByLabel('Till och med').fill(dayFromNow(-10))
  await page.getByRole('button', { name: 'Filtrera' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await summary
    .getByRole('link', { name: 'Datumet i ”Till och med” kan inte vara före datumet i ”Från och med”.' })
    .click()
  await expect(page.getByLabel('Till och med')).toBeFocused()
  await expect(page).not.toHaveURL(/from=/)

  // Days in the future: nothing yet, and a way back.
  await page.getByLabel('Från och med').fill(dayFromNow(2))
  await page.getByLabel('Till och med').fill(dayFromNow(3))
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(page.getByText('Inga händelser matchar filtret. Ändra filtret eller rensa det.')).toBeVisible()
  await page.getByRole('button', { name: 'Rensa filtret' }).click()
  await expect(switched).toBeVisible()
  await expect(page).not.toHaveURL(/person=|from=/)

  // Today only, by Swedish calendar day: today's events are there.
  await page.getByLabel('Från och med').fill(dayFromNow(0))
  await page.getByLabel('Till och med').fill(dayFromNow(0))
  await page.getByRole('button', { name: 'Filtrera' }).click()
  await expect(switched).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Log' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Events' }).getByRole('row').filter({ hasText: 'Switched role' }).first(),
  ).toContainText('From Orderer to Administrator')
  await page.getByRole('button', { name: 'Svenska' }).click()
})

test('the log is only for administrators: others are told so', async ({ page }) => {
  await signInAs(page, 'testbanken', 'Ansvarig hos Testbanken AB (demo)')
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' })
  await expect(nav.getByRole('link', { name: 'Registrera handläggare' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Logg' })).toHaveCount(0)
  await page.goto('/logg')
  await expect(page.getByRole('heading', { level: 1, name: 'Du har inte tillgång till sidan' })).toBeVisible()
  await expect(page).toHaveURL(/\/logg$/)
  // None of the person's roles is Administratör: no "Byt roll", but what to do.
  await expect(page.getByRole('main')).toContainText('Sidan är till för Administratör.')
  await expect(page.getByRole('main')).toContainText('Ingen av dina roller ger tillgång till sidan.')
  await expect(page.getByRole('link', { name: 'Byt roll' })).toHaveCount(0)
  await expect(page.getByRole('table')).toHaveCount(0)
})
