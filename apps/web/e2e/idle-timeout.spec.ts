import { expectActivePair, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

test('two minutes before the idle timeout a dialog offers to stay; without an answer the person is logged out', async ({
  page,
}) => {
  // The page's clock is under the test's control; the server's is not (its session stays alive throughout).
  await page.clock.install()
  await signIn(page, 'ida@testbanken.example')
  await expectActivePair(page, 'Handläggare hos Testbanken AB (demo)')
  // Every answer to the sign-in's calls counts as activity when the page handles it: one handled after the
  // jump below would move the whole timeout 27 minutes later (CI, under load, saw it once).
  await page.waitForLoadState('networkidle')

  // The demo server logs out after 30 idle minutes; the warning comes a little over two minutes before.
  await page.clock.fastForward('27:00')
  const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut' })
  await expect(dialog).toHaveCount(0)
  await page.clock.fastForward('01:00')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Fortsätt vara inloggad' })).toBeFocused()

  await dialog.getByRole('button', { name: 'Fortsätt vara inloggad' }).click()
  await expect(dialog).toHaveCount(0)
  await expectActivePair(page, 'Handläggare hos Testbanken AB (demo)')

  await page.clock.fastForward('28:00')
  await expect(dialog).toBeVisible()
  await page.clock.fastForward('03:00')

  await expect(page).toHaveURL(/\/logga-in$/)
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Du har loggats ut eftersom du inte har använt portalen på 30 minuter.' }),
  ).toBeVisible()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeVisible()
})
