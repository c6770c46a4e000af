import type { Page } from '@playwright/test'
import { signInAs } from './support/admin.ts'
import { expectActivePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

const SUPPORT = 'support@servicemyndigheten.example'
const BANK = 'Testbanken AB (demo)'

/** Signs in as provider support (one pair: straight in) and opens "Support: Ansvarig" from the menu. */
async function openSupportPage(page: Page): Promise<void> {
  await signIn(page, SUPPORT)
  await expectActivePair(page, 'Support hos Servicemyndigheten (demo)')
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Support: Ansvarig' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Support: Ansvarig' })).toBeVisible()
}

/** Searches for Testbanken and chooses it; returns its people. */
async function chooseTestbanken(page: Page) {
  await page.getByRole('searchbox', { name: 'Sök organisation' }).fill('Testbanken')
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  const organizations = page.getByRole('table', { name: 'Kundorganisationer' })
  await expect(organizations.getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(1)
  await expect(organizations).toContainText('556677-0037')
  await organizations.getByRole('button', { name: `Välj ${BANK}` }).click()
  const people = page.getByRole('region', { name: `Personer hos ${BANK}` })
  await expect(people.getByRole('heading', { name: `Personer hos ${BANK}` })).toBeFocused()
  return people
}

test('provider support makes a person Ansvarig after confirming, and withdraws it again', async ({
  page,
}) => {
  await openSupportPage(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page).toHaveTitle('Support: Ansvarig – Kundnav')

  const people = await chooseTestbanken(page)
  await expect(page).toHaveURL(/search=Testbanken&organization=/)
  const ida = people.getByRole('row', { name: /Ida Handläggare/ })
  await expect(ida.getByRole('cell', { name: 'Handläggare', exact: true })).toBeVisible()

  // The dialog names the person and the organisation; focus starts on the safe choice.
  await ida.getByRole('button', { name: 'Gör till Ansvarig Ida Handläggare' }).click()
  const assign = page.getByRole('dialog', { name: `Gör Ida Handläggare till Ansvarig hos ${BANK}?` })
  await expect(assign.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await assign.getByRole('button', { name: 'Ja, gör till Ansvarig' }).click()
  await expect(assign).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: `Ida Handläggare är nu Ansvarig hos ${BANK}.` }),
  ).toBeVisible()
  await expect(ida.getByRole('cell', { name: 'Handläggare, Ansvarig' })).toBeVisible()

  // Withdrawn again, so the demo data is as it was.
  await ida.getByRole('button', { name: 'Ta bort som Ansvarig Ida Handläggare' }).click()
  const withdraw = page.getByRole('dialog', { name: `Ta bort Ida Handläggare som Ansvarig hos ${BANK}?` })
  await withdraw.getByRole('button', { name: 'Ja, ta bort som Ansvarig' }).click()
  await expect(withdraw).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: `Ida Handläggare är inte längre Ansvarig hos ${BANK}.` }),
  ).toBeVisible()
  await expect(ida.getByRole('cell', { name: 'Handläggare', exact: true })).toBeVisible()
  await expect(ida.getByRole('button', { name: 'Gör till Ansvarig Ida Handläggare' })).toBeVisible()
})

test('a person whose only role is Ansvarig keeps it, and the dialog says why; English and 360 px', async ({
  page,
}) => {
  await openSupportPage(page)
  await chooseTestbanken(page)
  // Not within the region: its name changes with the language below.
  const hans = page.getByRole('row', { name: /Hans Ansvarig/ })
  await hans.getByRole('button', { name: 'Ta bort som Ansvarig Hans Ansvarig' }).click()
  const withdraw = page.getByRole('dialog', { name: `Ta bort Hans Ansvarig som Ansvarig hos ${BANK}?` })
  await withdraw.getByRole('button', { name: 'Ja, ta bort som Ansvarig' }).click()
  const refusal = withdraw.getByRole('alert')
  await expect(refusal).toContainText('Det gick inte att ändra rollen för Hans Ansvarig')
  await expect(refusal).toContainText(
    'Personen har ingen annan roll. Be organisationens administratör att ta bort personen i stället.',
  )
  await withdraw.getByRole('button', { name: 'Avbryt' }).click()
  await expect(withdraw).toBeHidden()
  await expect(hans.getByRole('cell', { name: 'Ansvarig', exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Support: Responsible' })).toBeVisible()
  await expect(hans.getByRole('button', { name: 'Withdraw as Responsible Hans Ansvarig' })).toBeVisible()
  await page.getByRole('button', { name: 'Svenska' }).click()

  await page.setViewportSize({ width: 360, height: 740 })
  await expect(page.getByRole('heading', { level: 1, name: 'Support: Ansvarig' })).toBeVisible()
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})

test('a customer administrator has no "Support: Ansvarig" in the menu and is told the page is not for them', async ({
  page,
}) => {
  await signInAs(page, 'anna.andersson@norrby.example', 'Administratör hos Region Norrby (demo)')
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' })
  await expect(nav.getByRole('link', { name: 'Medlemmar' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Support: Ansvarig' })).toHaveCount(0)

  await page.goto('/support')
  await expect(page.getByRole('heading', { level: 1, name: 'Du har inte tillgång till sidan' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Sidan är till för Support.')
  await expect(page.getByRole('heading', { name: 'Support: Ansvarig' })).toHaveCount(0)
})
