import { accountNav, choosePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'

test('Mina uppgifter: the name is checked and saved; a wrong current password is a field error', async ({
  page,
}) => {
  // Fatima's password is never actually changed here.
  await signIn(page, 'fatima@journalsystem.example')
  await accountNav(page).getByRole('link', { name: 'Mina uppgifter' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'fatima@journalsystem.example' })).toHaveCount(
    2,
  )
  const name = page.getByLabel('Namn', { exact: true })
  await expect(name).toHaveValue('Fatima Attestant')

  await name.fill('')
  await page.getByRole('button', { name: 'Spara uppgifter' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })).toContainText(
    'Ange ditt namn.',
  )
  await name.fill('Fatima Attestant')
  await page.getByRole('button', { name: 'Spara uppgifter' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Dina uppgifter är sparade.' })).toBeVisible()

  // The mobile number is not edited here any more: it has its own section, verified by a code.
  await expect(page.getByRole('textbox', { name: /Mobilnummer/ })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Mobilnummer' }).getByRole('definition')).toHaveText(
    '070-100 00 08',
  )

  // Byt lösenord: both fields are checked on submit, then the server checks the current password (before
  // any code is sent to her verified number).
  const passwordSection = page.getByRole('region', { name: 'Byt lösenord' })
  await expect(passwordSection).toContainText('vi skickar med sms till 070-100 00 08.')
  await passwordSection.getByRole('button', { name: 'Byt lösenord' }).click()
  const summary = passwordSection.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toContainText('Ange ditt nuvarande lösenord.')
  await expect(summary).toContainText('Ange ett nytt lösenord.')

  await page.getByLabel('Nuvarande lösenord').fill('det här är fel lösenord')
  await page.getByLabel('Nytt lösenord').fill('ett helt nytt och långt lösenord')
  await passwordSection.getByRole('button', { name: 'Byt lösenord' }).click()
  await expect(summary).toContainText('Det nuvarande lösenordet stämmer inte.')
  await expect(page.getByLabel('Nuvarande lösenord')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Ditt lösenord är bytt.')).toHaveCount(0)
  await expect(passwordSection.getByRole('textbox', { name: 'Kod från sms' })).toHaveCount(0)
})

test('Mina inloggningar: ending another browser signs it out at its next step; ending this one signs out here', async ({
  page,
  browser,
}) => {
  const otherContext = await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS })
  const other = await otherContext.newPage()
  await signIn(other, 'anna.andersson@norrby.example')
  await choosePair(other, 'Beställare hos Region Norrby (demo)')

  await signIn(page, 'anna.andersson@norrby.example')
  await choosePair(page, 'Attestant hos Region Norrby (demo)')
  await accountNav(page).getByRole('link', { name: 'Mina inloggningar' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Mina inloggningar' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Pågående inloggningar' })
  await expect(table.getByRole('row').nth(1)).toContainText('Den här inloggningen')
  const firefox = table.getByRole('row').filter({ hasText: 'Firefox på Windows' })
  await expect(firefox).toHaveCount(1)

  await firefox.getByRole('button', { name: 'Avsluta' }).click()
  const dialog = page.getByRole('dialog', { name: 'Avsluta inloggningen i Firefox på Windows?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Ja, avsluta' }).click()

  await expect(
    page.getByRole('status').filter({ hasText: 'Inloggningen i Firefox på Windows är avslutad.' }),
  ).toBeVisible()
  await expect(firefox).toHaveCount(0)

  // The other browser's next step finds the session gone.
  await accountNav(other).getByRole('link', { name: 'Mina uppgifter' }).click()
  await expect(other).toHaveURL(/\/logga-in\?redirect=%2Fmina-uppgifter$/)
  await expect(other.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeVisible()
  await otherContext.close()

  // Ending this login signs out here.
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.getByRole('dialog')).toContainText('Det är den här inloggningen, så du blir utloggad.')
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, avsluta' }).click()
  await expect(page).toHaveURL(/\/logga-in$/)
  await expect(page.getByRole('status').filter({ hasText: 'Du är utloggad.' })).toBeVisible()
})

test('the signed-in header and Mina inloggningar fit a 360 px wide screen without sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signIn(page, 'bertil@norrby.example')
  await accountNav(page).getByRole('link', { name: 'Mina inloggningar' }).click()
  await expect(page.getByRole('table', { name: 'Pågående inloggningar' })).toBeVisible()

  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth).toBeLessThanOrEqual(360)
})
