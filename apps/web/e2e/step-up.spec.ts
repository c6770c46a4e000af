import type { APIRequestContext } from '@playwright/test'
import { choosePasswordAndSignIn, signInAs, uniquePerson, waitForMail } from './support/admin.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { type MailboxMessage, newestMail } from './support/mailbox.ts'
import { BASE_URL_ENV } from './support/server.ts'
import { accountNav, signIn } from './support/session.ts'
import { expect, test } from './support/test.ts'

const ADMIN = 'anna.andersson@norrby.example'
const ADMIN_PAIR = 'Administratör hos Region Norrby (demo)'

/** Waits for a message to `recipient` newer than `previousId` in the development mailbox. */
async function waitForNewMessage(
  request: APIRequestContext,
  recipient: string,
  previousId: string | null,
  timeoutMs = 15_000,
): Promise<MailboxMessage> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const message = await newestMail(request, recipient)
    if (message && message.id !== previousId) return message
    if (Date.now() > deadline) throw new Error(`No new message to ${recipient} within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The newest SMS to `mobile` (E.164) after `previousId`, and the six-digit code in it. */
async function waitForSmsCode(
  request: APIRequestContext,
  mobile: string,
  previousId: string | null,
): Promise<{ id: string; text: string; code: string }> {
  const sms = await waitForNewMessage(request, mobile, previousId)
  const code = sms.text.match(/\b\d{6}\b/)?.[0]
  if (!code) throw new Error(`The SMS to ${mobile} has no code:\n${sms.text}`)
  return { id: sms.id, text: sms.text, code }
}

/** A Swedish mobile number no other test uses: as typed ("073-123 45 67") and as kept (+46731234567). */
function uniqueMobile(): { typed: string; e164: string; masked: string } {
  const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')
  return {
    typed: `073-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    e164: `+4673${digits}`,
    masked: `073-*** ** ${digits.slice(5)}`,
  }
}

test('a person verifies a mobile number with an SMS code, then changes the password with another code', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000)
  const person = uniquePerson('Sms')
  const password = 'en lång och hemlig mening'
  const newPassword = 'ett ännu längre och hemligare lösenord'
  const mobile = uniqueMobile()

  // A new person, so that no other test depends on their number or password. Only the person sets a number.
  await signInAs(page, ADMIN, ADMIN_PAIR)
  await page.goto('/medlemmar')
  await page.getByRole('button', { name: 'Lägg till person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lägg till person' })
  await expect(dialog.getByRole('textbox', { name: /Mobilnummer/ })).toHaveCount(0)
  await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill(person.name)
  await dialog.getByRole('textbox', { name: 'E-post' }).fill(person.email)
  await dialog.getByRole('checkbox', { name: 'Beställare' }).check()
  await dialog.getByRole('button', { name: 'Spara' }).click()
  await expect(dialog).toBeHidden()
  const invitation = await waitForMail(page.request, person.email, 'Välkommen till Kundnav')
  const me = await choosePasswordAndSignIn(browser, invitation.link, person.email, password)

  await accountNav(me).getByRole('link', { name: 'Mina uppgifter' }).click()
  const section = me.getByRole('region', { name: 'Mobilnummer' })
  await expect(section.getByRole('definition')).toHaveText('Inget mobilnummer')
  await expect(section).toContainText('Koder för att signera')
  // Without a verified number the password changes at once: no code is mentioned.
  const passwordSection = me.getByRole('region', { name: 'Byt lösenord' })
  await expect(passwordSection).not.toContainText('med sms')

  // The number: checked on submit, the message linked to the field.
  await section.getByRole('button', { name: 'Lägg till mobilnummer' }).click()
  const number = section.getByRole('textbox', { name: 'Mobilnummer' })
  await expect(number).toBeFocused()
  await number.fill('ring mig')
  await section.getByRole('button', { name: 'Skicka kod' }).click()
  const summary = section.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText(
    'Ange mobilnumret med siffror, till exempel 070-123 45 67.',
  )
  await expect(number).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(me)

  await number.fill(mobile.typed)
  await section.getByRole('button', { name: 'Skicka kod' }).click()
  const code = section.getByRole('textbox', { name: 'Kod från sms' })
  await expect(code).toBeFocused()
  await expect(code).toHaveAccessibleDescription(
    `Vi har skickat en kod till ${mobile.masked}. Den gäller i 10 minuter.`,
  )
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code')
  await expect(code).toHaveAttribute('inputmode', 'numeric')
  // A new code only after 30 seconds, and the page says how long is left.
  await expect(section.getByRole('button', { name: 'Skicka ny kod' })).toBeDisabled()
  // Still focusable and pressable (aria-disabled): pressed from the keyboard, it says how long is left.
  await section.getByRole('button', { name: 'Skicka ny kod' }).focus()
  await me.keyboard.press('Enter')
  await expect(section.getByRole('alert')).toContainText(/Vänta \d+ sekunder? innan du ber om en ny kod\./)
  await expect(section).toContainText(/Du kan be om en ny kod om \d+ sekunder?\./)
  await expectNoAxeViolations(me)

  const first = await waitForSmsCode(me.request, mobile.e164, null)
  expect(first.text).toContain(`Kod ${first.code} för att verifiera ditt mobilnummer i Kundnav.`)

  // A wrong code first: the server's verdict at the field, with the tries left.
  await code.fill(first.code === '000000' ? '111111' : '000000')
  await section.getByRole('button', { name: 'Verifiera' }).click()
  await expect(summary).toContainText('Koden stämmer inte. Du har 4 försök kvar.')
  await expect(code).toHaveAttribute('aria-invalid', 'true')
  await expect(code).toHaveAccessibleDescription(/Koden stämmer inte\. Du har 4 försök kvar\./)

  const invitationMail = await newestMail(me.request, person.email)
  await code.fill(first.code)
  await section.getByRole('button', { name: 'Verifiera' }).click()
  await expect(section.getByRole('status')).toHaveText('Mobilnumret är verifierat.')
  await expect(section.getByRole('definition')).toHaveText(mobile.typed)
  await expect(section.getByRole('button', { name: 'Byt mobilnummer' })).toBeFocused()
  const mobileMail = await waitForNewMessage(me.request, person.email, invitationMail?.id ?? null)
  expect(mobileMail.subject).toBe('Ditt mobilnummer har ändrats')

  // Byt lösenord now takes a code sent to the verified number; the passwords are kept meanwhile.
  await expect(passwordSection).toContainText(
    `För att byta lösenord behöver du en kod, som vi skickar med sms till ${mobile.typed}.`,
  )
  await passwordSection.getByLabel('Nuvarande lösenord').fill(password)
  await passwordSection.getByLabel('Nytt lösenord').fill(newPassword)
  await passwordSection.getByRole('button', { name: 'Byt lösenord' }).click()
  await expect(passwordSection).toContainText(
    `Vi har skickat en kod till ${mobile.masked}. Ange den för att byta lösenord.`,
  )
  const passwordCode = passwordSection.getByRole('textbox', { name: 'Kod från sms' })
  await expect(passwordCode).toBeFocused()
  await expect(passwordSection.getByLabel('Nuvarande lösenord')).toBeHidden()
  await expectNoAxeViolations(me)

  const second = await waitForSmsCode(me.request, mobile.e164, first.id)
  expect(second.text).toContain(`Kod ${second.code} för att byta lösenord i Kundnav.`)
  await passwordCode.fill(second.code)
  await passwordSection.getByRole('button', { name: 'Byt lösenord' }).click()
  await expect(passwordSection.getByRole('status')).toHaveText(
    'Ditt lösenord är bytt. Dina andra inloggningar har avslutats.',
  )
  const passwordMail = await waitForNewMessage(me.request, person.email, mobileMail.id)
  expect(passwordMail.subject).toBe('Ditt lösenord har ändrats')

  // Ta bort asks first, says what it means and takes the password (a session alone must not remove it);
  // then no code is asked for the password.
  await section.getByRole('button', { name: 'Ta bort mobilnumret' }).click()
  const confirm = me.getByRole('dialog', { name: `Ta bort mobilnumret ${mobile.typed}?` })
  await expect(confirm).toContainText('Du får då inte längre koder med sms.')
  // Focus starts in the password field, which the removal needs.
  await expect(confirm.getByLabel('Nuvarande lösenord')).toBeFocused()
  await confirm.getByRole('button', { name: 'Ja, ta bort' }).click()
  await expect(confirm.getByLabel('Nuvarande lösenord')).toHaveAccessibleDescription(
    /Ange ditt nuvarande lösenord\./,
  )
  await confirm.getByLabel('Nuvarande lösenord').fill('inte mitt lösenord')
  await confirm.getByRole('button', { name: 'Ja, ta bort' }).click()
  await expect(confirm.getByLabel('Nuvarande lösenord')).toHaveAccessibleDescription(
    /Det nuvarande lösenordet stämmer inte\./,
  )
  // Enter in the field removes the number: the field is in a form.
  await confirm.getByLabel('Nuvarande lösenord').fill(newPassword)
  await confirm.getByLabel('Nuvarande lösenord').press('Enter')
  await expect(confirm).toBeHidden()
  await expect(section.getByRole('status')).toHaveText('Mobilnumret är borttaget.')
  await expect(section.getByRole('definition')).toHaveText('Inget mobilnummer')
  await expect(passwordSection).not.toContainText('med sms')
  await me.context().close()

  // The new password signs in.
  const fresh = await browser.newContext({
    baseURL: process.env[BASE_URL_ENV],
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  })
  const again = await fresh.newPage()
  await signIn(again, person.email, newPassword)
  await expect(accountNav(again)).toContainText(person.name)
  await fresh.close()
})
