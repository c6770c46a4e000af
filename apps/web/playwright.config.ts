import { existsSync } from 'node:fs'
import { chromium, defineConfig } from '@playwright/test'
import { BASE_URL_ENV } from './e2e/support/server.ts'

const INSTALL_HINT =
  'Install Chromium with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a ' +
  'Chromium or Chrome executable.'

/**
 * The browser to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright
 * downloaded earlier. Without one the run fails — browser tests are never skipped silently.
 */
function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there. ${INSTALL_HINT}`)
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  let downloaded: string | undefined
  try {
    downloaded = chromium.executablePath()
  } catch {
    downloaded = undefined
  }
  if (downloaded && existsSync(downloaded)) return downloaded
  throw new Error(`No Chromium found for the browser tests (apps/web/e2e). ${INSTALL_HINT}`)
}

export default defineConfig({
  testDir: 'e2e',
  // Builds nothing: expects apps/web/dist, starts the real server on a fresh database, stops it after.
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    // Set by the global setup once the server answers; the workers start after it and inherit it.
    baseURL: process.env[BASE_URL_ENV],
    browserName: 'chromium',
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
})
