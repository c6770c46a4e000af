import { type BrowserContext, test as base, expect } from '@playwright/test'

/**
 * Playwright's `test` for every browser test here: pages run under the server's real
 * Content-Security-Policy (no context may bypass it), and a test fails on any violation a page reports —
 * an inline script or style, a resource from elsewhere, a frame. Specs import `test` and `expect` from
 * this file (types may come from '@playwright/test'). A test that provokes a violation on purpose reads and clears
 * `cspViolations`.
 */

/** Chromium's own console report of a blocked resource ("… violates the following Content Security Policy directive …"). */
const CSP_CONSOLE_MESSAGE = /Content Security Policy|CSP violation/i

/** Added to every page before its own scripts (by the browser, which no CSP governs): says each violation aloud. */
const REPORT_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'an inline resource') +
    ' (' + (event.sourceFile || event.documentURI) + ':' + event.lineNumber + ')')
})`

const NO_BYPASS = 'Browser tests run with the Content-Security-Policy on: do not set bypassCSP.'

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context, bypassCSP }, use) => {
      if (bypassCSP) throw new Error(NO_BYPASS)
      const violations: string[] = []
      async function watch(watched: BrowserContext) {
        watched.on('console', (message) => {
          if (CSP_CONSOLE_MESSAGE.test(message.text())) {
            violations.push(`${message.text()} — on ${message.location().url || 'a page'}`)
          }
        })
        await watched.addInitScript(REPORT_VIOLATIONS)
      }
      await watch(context)
      // Contexts and pages a test opens itself (a second person, another browser) are watched as well.
      const newContext = browser.newContext
      browser.newContext = async (options) => {
        if (options?.bypassCSP) throw new Error(NO_BYPASS)
        const created = await newContext.call(browser, options)
        await watch(created)
        return created
      }
      try {
        await use(violations)
      } finally {
        browser.newContext = newContext
      }
      expect(violations, 'Content-Security-Policy violations reported by the pages').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
