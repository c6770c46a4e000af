import { accountNav, choosePair, expectActivePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

const NORRBY = 'Region Norrby (demo)'

test('anna chooses Attestant after signing in, switches to Beställare without logging out, then logs out', async ({
  page,
}) => {
  await signIn(page, 'anna.andersson@norrby.example')

  await expect(page).toHaveURL(/\/valj-roll$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Välj roll' })).toBeVisible()
  const choices = page.getByRole('group', { name: 'Gå vidare som:' }).getByRole('button')
  await expect(choices).toHaveText([
    `Administratör hos ${NORRBY}`,
    `Beställare hos ${NORRBY}`,
    `Attestant hos ${NORRBY}`,
  ])
  await choosePair(page, `Attestant hos ${NORRBY}`)

  await expect(page).toHaveURL(/\/$/)
  // The start page says what was chosen, seen and heard.
  await expect(
    page.getByRole('status').filter({ hasText: `Du är nu Attestant hos ${NORRBY}.` }),
  ).toBeVisible()
  await expect(accountNav(page).getByText('Anna Andersson')).toBeVisible()
  // An Attestant may not see the members or the log.
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' })
  await expect(nav.getByRole('link', { name: 'Medlemmar' })).toHaveCount(0)

  // "Byt till …" with the keyboard: open, Escape closes and returns focus, open again, choose.
  const switchTo = accountNav(page).getByRole('button', { name: 'Byt till …' })
  await switchTo.focus()
  await page.keyboard.press('Enter')
  await expect(switchTo).toHaveAttribute('aria-expanded', 'true')
  await expect(accountNav(page).getByRole('button', { name: `Attestant hos ${NORRBY}` })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(switchTo).toHaveAttribute('aria-expanded', 'false')
  await expect(switchTo).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(accountNav(page).getByRole('button', { name: `Beställare hos ${NORRBY}` })).toBeFocused()
  await page.keyboard.press('Enter')

  await expectActivePair(page, `Beställare hos ${NORRBY}`)
  await expect(accountNav(page).getByText(`Attestant hos ${NORRBY}`, { exact: true })).toHaveCount(0)
  await expect(page).not.toHaveURL(/logga-in/)
  // A visible confirmation, in the one live region that also tells screen readers.
  const switched = page.getByRole('status').filter({ hasText: `Du är nu Beställare hos ${NORRBY}.` })
  await expect(switched).toBeVisible()
  await expect(switched).toHaveCount(1)
  await expect(page.getByText(`Du är nu Beställare hos ${NORRBY}.`)).toHaveCount(1)
  await expect(page.getByText(`Du är nu Attestant hos ${NORRBY}.`)).toHaveCount(0)

  // As Administratör the members and the log are in the menu.
  await switchTo.click()
  await accountNav(page)
    .getByRole('button', { name: `Administratör hos ${NORRBY}` })
    .click()
  await expectActivePair(page, `Administratör hos ${NORRBY}`)
  await expect(nav.getByRole('link', { name: 'Medlemmar' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Logg' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Registrera handläggare' })).toHaveCount(0)

  await accountNav(page).getByRole('button', { name: 'Logga ut' }).click()

  await expect(page).toHaveURL(/\/logga-in$/)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Du är utloggad.' })).toBeVisible()
  await expect(page.getByRole('banner').getByText('Anna Andersson')).toHaveCount(0)
})

test('a person with one role goes straight in', async ({ page }) => {
  await signIn(page, 'bertil@norrby.example')

  await expect(page).toHaveURL(/\/$/)
  await expectActivePair(page, `Beställare hos ${NORRBY}`)
  await expect(accountNav(page).getByRole('button', { name: 'Byt till …' })).toHaveCount(0)
})

test('an Ansvarig is offered Handläggare too, and the username need not be an e-mail address', async ({
  page,
}) => {
  await signIn(page, 'testbanken')

  const choices = page.getByRole('group', { name: 'Gå vidare som:' }).getByRole('button')
  await expect(choices).toHaveText([
    `Kontaktperson för avtalet hos ${NORRBY}`,
    'Ansvarig hos Testbanken AB (demo)',
    'Handläggare hos Testbanken AB (demo)',
  ])
  await choosePair(page, 'Handläggare hos Testbanken AB (demo)')

  // The chooser remembers the choice on this device: next time it comes first, marked.
  await accountNav(page).getByRole('button', { name: 'Logga ut' }).click()
  await expect(page).toHaveURL(/\/logga-in$/)
  await signIn(page, 'testbanken')
  const first = page.getByRole('group', { name: 'Gå vidare som:' }).getByRole('button').first()
  await expect(first).toHaveText('Handläggare hos Testbanken AB (demo)')
  await expect(first).toHaveAccessibleDescription('Senast vald')
})

test('a tab still showing the old role reloads into the role chosen in another tab', async ({
  page,
  context,
}) => {
  await signIn(page, 'anna.andersson@norrby.example')
  await choosePair(page, `Attestant hos ${NORRBY}`)

  const other = await context.newPage()
  await other.goto('/')
  await expectActivePair(other, `Attestant hos ${NORRBY}`)
  await accountNav(other).getByRole('button', { name: 'Byt till …' }).click()
  await accountNav(other)
    .getByRole('button', { name: `Beställare hos ${NORRBY}` })
    .click()
  await expectActivePair(other, `Beställare hos ${NORRBY}`)

  // Back in the first tab, which still shows Attestant: the next call is refused, the page says why and reloads.
  await page.bringToFront()
  await accountNav(page).getByRole('link', { name: 'Mina uppgifter' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Du har bytt roll i en annan flik' })).toBeVisible()
  await expectActivePair(page, `Beställare hos ${NORRBY}`)
  await expect(page.getByRole('alert').filter({ hasText: 'Du har bytt roll i en annan flik' })).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible()
})

test('a page the role may not use says whom it is for and leads to the role switch; "Byt till …" there says so too', async ({
  page,
}) => {
  await signIn(page, 'anna.andersson@norrby.example')
  await choosePair(page, `Attestant hos ${NORRBY}`)

  // A bookmark to "Medlemmar" as Attestant: the page stays, and says why it shows nothing.
  await page.goto('/medlemmar')
  await expect(page.getByRole('heading', { level: 1, name: 'Du har inte tillgång till sidan' })).toBeVisible()
  await expect(page).toHaveURL(/\/medlemmar$/)
  await expect(page.getByRole('main')).toContainText('Sidan är till för Administratör. Byt roll')
  await expect(page.getByRole('table')).toHaveCount(0)

  // "Byt roll" → "Välj roll" → back to the page, as Administratör.
  await page.getByRole('main').getByRole('link', { name: 'Byt roll' }).click()
  await expect(page).toHaveURL(/\/valj-roll\?redirect=/)
  await choosePair(page, `Administratör hos ${NORRBY}`)
  await expect(page).toHaveURL(/\/medlemmar$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar' })).toBeVisible()
  await expect(
    page.getByRole('status').filter({ hasText: `Du är nu Administratör hos ${NORRBY}.` }),
  ).toBeVisible()

  // "Byt till …" Beställare right there: the page says it is not for that role, and the switch is confirmed.
  await accountNav(page).getByRole('button', { name: 'Byt till …' }).click()
  await accountNav(page)
    .getByRole('button', { name: `Beställare hos ${NORRBY}` })
    .click()
  await expectActivePair(page, `Beställare hos ${NORRBY}`)
  await expect(page).toHaveURL(/\/medlemmar$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Du har inte tillgång till sidan' })).toBeVisible()
  await expect(
    page.getByRole('status').filter({ hasText: `Du är nu Beställare hos ${NORRBY}.` }),
  ).toBeVisible()

  // And back again with the header: the page shows itself.
  await accountNav(page).getByRole('button', { name: 'Byt till …' }).click()
  await accountNav(page)
    .getByRole('button', { name: `Administratör hos ${NORRBY}` })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar' })).toBeVisible()
})
