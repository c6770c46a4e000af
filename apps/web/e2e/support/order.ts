import { expect, type Page } from '@playwright/test'

/** Bertil Beställare (README.md): orders for Region Norrby (demo). */
export const ORDERER = 'bertil@norrby.example'
export const ORDERER_PAIR = 'Beställare hos Region Norrby (demo)'
export const WEBCERT_VIA_AGENT = 'Webcert Integrerad – via agent'

/** The wizard's progress heading ("Steg 3 av 6: Fakturaadress och fakturareferens"). */
export async function expectStep(page: Page, text: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: text })).toBeVisible()
}

/** "Beställ" → the offering's "Beställ" button: a new draft at its first step. */
export async function startOrder(page: Page, offering: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beställ', exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beställ', exact: true })).toBeVisible()
  await page.getByRole('button', { name: `Beställ ${offering}` }).click()
  await expectStep(page, 'Steg 1 av 6: Uppgifter om beställningen')
}

/** Step 1 of Webcert Integrerad – via agent: care units, source system and the agent. */
export async function fillWebcertFields(page: Page, careUnits: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Antal vårdenheter' }).fill(careUnits)
  await page.getByRole('combobox', { name: 'Källsystem (journalsystem)' }).selectOption({ label: 'TakeCare' })
  await page
    .getByRole('combobox', { name: 'Agent (systemleverantör)' })
    .selectOption({ label: 'Journalsystem AB (demo)' })
}

export async function continueTo(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: 'Fortsätt' }).click()
  await expectStep(page, step)
}
