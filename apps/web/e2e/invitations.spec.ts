import type { Page } from '@playwright/test'
import { choosePasswordAndSignIn, signInAs, uniquePerson, waitForMail } from './support/admin.ts'
import { accountNav, activePair, expectActivePair } from './support/session.ts'
import { expect, test } from './support/test.ts'

const NORRBY = 'Region Norrby (demo)'
const JOURNALSYSTEM = 'Journalsystem AB (demo)'

/** "Lägg till person" on Medlemmar, as the signed-in administrator. */
async function addPerson(page: Page, person: { name: string; email: string }, role: string) {
  await page.goto('/medlemmar')
  await page.getByRole('button', { name: 'Lägg till person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lägg till person' })
  await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill(person.name)
  await dialog.getByRole('textbox', { name: 'E-post' }).fill(person.email)
  await dialog.getByRole('checkbox', { name: role }).check()
  await dialog.getByRole('button', { name: 'Spara' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: 'Personen har fått en inbjudan via mejl' }),
  ).toBeVisible()
}

test('an existing account is only invited: it answers after signing in, and acts in the organisation only once accepted', async ({
  page,
  browser,
}) => {
  // Two people, two browsers, two mails: more steps than most tests.
  test.slow()
  // An account that exists: Journalsystem's administrator added it, and the person chose a password.
  const person = uniquePerson('Befintlig')
  await signInAs(page, 'erik@journalsystem.example', `Administratör hos ${JOURNALSYSTEM}`)
  await addPerson(page, person, 'Attestant')
  const welcome = await waitForMail(page.request, person.email, 'Välkommen till Kundnav')
  const own = await choosePasswordAndSignIn(browser, welcome.link, person.email, 'en lång och hemlig mening')
  await expectActivePair(own, `Attestant hos ${JOURNALSYSTEM}`)

  // Region Norrby's administrator adds the same address under a name of her own choosing.
  await accountNav(page).getByRole('button', { name: 'Logga ut' }).click()
  await signInAs(page, 'anna.andersson@norrby.example', `Administratör hos ${NORRBY}`)
  const typed = { name: `Inskrivet Namn ${person.stamp}`, email: person.email }
  await addPerson(page, typed, 'Kontaktperson')
  const row = page.getByRole('row', { name: new RegExp(typed.name) })
  await expect(row).toContainText('Inbjuden')
  await expect(row).toContainText('Inbjudan gäller till och med')
  await expect(row.getByRole('button', { name: `Skicka inbjudan igen till ${typed.name}` })).toBeVisible()
  await expect(page.getByRole('table')).not.toContainText(person.name)
  const asked = await waitForMail(page.request, person.email, `${NORRBY} vill lägga till dig`)
  expect(asked.link).toMatch(/\/inbjudningar$/)

  // The person sees the invitation; until it is answered, Region Norrby is no role to switch to.
  await own.reload()
  await expect(own.getByText('Du har en inbjudan att svara på.')).toBeVisible()
  // (With one role there is nothing to switch to.)
  await expect(accountNav(own).getByRole('button', { name: 'Byt till …' })).toHaveCount(0)
  await own.getByRole('link', { name: 'Visa inbjudningar' }).click()
  const invitation = own
    .getByRole('listitem')
    .filter({ hasText: `${NORRBY} vill lägga till dig som Kontaktperson för avtalet.` })
  await expect(invitation).toContainText('Inbjuden av Anna Andersson.')

  // Declined: nothing gained, and the administrator's list no longer has the person.
  await invitation.getByRole('button', { name: `Avböj ${NORRBY}` }).click()
  const confirm = own.getByRole('dialog', { name: `Avböja inbjudan från ${NORRBY}?` })
  await confirm.getByRole('button', { name: 'Avböj' }).click()
  await expect(
    own.getByRole('status').filter({ hasText: `Du har avböjt inbjudan från ${NORRBY}.` }),
  ).toBeVisible()
  await expect(own.getByText('Du har inga inbjudningar att svara på.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('row', { name: new RegExp(typed.name) })).toHaveCount(0)

  // Invited again and accepted: now the person can act in Region Norrby.
  await addPerson(page, typed, 'Kontaktperson')
  await own.goto('/inbjudningar')
  await own.getByRole('button', { name: `Godkänn ${NORRBY}` }).click()
  await expect(own.getByRole('status').filter({ hasText: `Du är nu med i ${NORRBY}.` })).toBeVisible()
  await accountNav(own).getByRole('button', { name: 'Byt till …' }).click()
  await accountNav(own)
    .getByRole('button', { name: `Kontaktperson för avtalet hos ${NORRBY}` })
    .click()
  await expect(activePair(own)).toHaveText(`Kontaktperson för avtalet hos ${NORRBY}`)

  // The administrator now sees the person as they are, active, with a sign-in in this organisation.
  await page.reload()
  const accepted = page.getByRole('row', { name: new RegExp(person.name) })
  await expect(accepted).toContainText('Aktiv')
  await expect(accepted).not.toContainText('Har inte loggat in än')
  await own.context().close()
})
