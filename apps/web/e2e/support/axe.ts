import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, type Page } from '@playwright/test'

/**
 * axe-core's source, evaluated in the page through the browser's own channel: a `<script>` tag
 * (page.addScriptTag) would be refused by the portal's Content-Security-Policy, as it should be.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Runs axe-core on the page as it is now and fails on any WCAG 2.1 A/AA violation, naming each. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(`${axeSource}\n;undefined`)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations
  })
  const described = (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(described, `accessibility violations on ${page.url()}`).toEqual([])
}
