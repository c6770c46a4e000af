import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { repoRoot } from '@kundnav/db'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { DEMO_ADMIN, DEMO_ORGANIZATION } from './audit-data.ts'
import {
  errorText,
  met,
  PortalClient,
  type Row,
  say,
  startPortal,
  unmeasured,
  webDistDir,
} from './support.ts'

/** What apps/web/bench/first-page-js.ts answers (its own engineer keeps it; the report only reads it). */
interface FirstPageJs {
  signInPageGzipBytes: number
  largestChunk: { file: string; gzipBytes: number }
  heaviestPage: { route: string; gzipBytes: number }
}

const firstPageJsModule = join(repoRoot, 'apps/web/bench/first-page-js.ts')
const KB = 1024
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

/**
 * P4: the JavaScript the sign-in page needs before it works, the largest chunk, and the page that needs
 * the most — from the build output, measured by apps/web/bench/first-page-js.ts. Loaded at run time, so
 * the rows say "not measured yet" while that file is not there.
 */
export async function measureFirstPageJs(): Promise<Row[]> {
  const rows = ['P4 sign-in page JS (gzip)', 'P4 largest chunk (gzip)', 'P4 heaviest page JS (gzip)']
  const targets = ['≤ 120 KB', '≤ 300 KB', '—']
  if (!existsSync(firstPageJsModule)) {
    return rows.map((row, index) =>
      unmeasured(row, 'not measured yet (apps/web/bench/first-page-js.ts is not there)', targets[index]),
    )
  }
  try {
    const module = (await import(pathToFileURL(firstPageJsModule).href)) as {
      measureFirstPageJs?: (distDir?: string) => Promise<FirstPageJs>
    }
    if (typeof module.measureFirstPageJs !== 'function') {
      throw new Error('apps/web/bench/first-page-js.ts exports no measureFirstPageJs')
    }
    const js = await module.measureFirstPageJs(webDistDir)
    return [
      {
        row: rows[0] ?? '',
        figure: kb(js.signInPageGzipBytes),
        baseline: '—',
        ratio: '—',
        target: '≤ 120 KB',
        met: met(js.signInPageGzipBytes <= 120 * KB),
      },
      {
        row: `${rows[1]}: ${js.largestChunk.file}`,
        figure: kb(js.largestChunk.gzipBytes),
        baseline: '—',
        ratio: '—',
        target: '≤ 300 KB',
        met: met(js.largestChunk.gzipBytes <= 300 * KB),
      },
      {
        row: `${rows[2]}: ${js.heaviestPage.route}`,
        figure: kb(js.heaviestPage.gzipBytes),
        baseline: '—',
        ratio: '—',
        target: '—',
        met: '—',
      },
    ]
  } catch (error) {
    return rows.map((row, index) => unmeasured(row, `failed: ${errorText(error)}`, targets[index]))
  }
}

interface PageScore {
  performance: number
  lcpMs: number
  totalBytes: number
}

/**
 * One Lighthouse run of `url` with its defaults (mobile: a mid-range phone, simulated slow 4G), performance
 * only, in headless Chromium (CHROME_PATH, else Debian's /usr/bin/chromium).
 */
async function lighthouseRun(
  chrome: chromeLauncher.LaunchedChrome,
  url: string,
  cookie?: string,
): Promise<PageScore> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  })
  const lhr = result?.lhr
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`)
  const reportDir = process.env.BENCH_LIGHTHOUSE_DIR
  // The whole report, to see what the score is made of (open it at googlechrome.github.io/lighthouse/viewer).
  if (reportDir) {
    const name = new URL(url).pathname.replaceAll(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root'
    writeFileSync(join(reportDir, `${name}.json`), JSON.stringify(lhr))
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`Lighthouse was sent from ${url} to ${lhr.finalDisplayedUrl}`)
  }
  const score = lhr.categories.performance?.score
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue
  const bytes = lhr.audits['total-byte-weight']?.numericValue
  if (score == null || lcp === undefined || bytes === undefined)
    throw new Error(`Lighthouse could not score ${url}`)
  return { performance: Math.round(score * 100), lcpMs: lcp, totalBytes: bytes }
}

function lighthouseRows(page: string, score: PageScore): Row[] {
  return [
    {
      row: `P6 Lighthouse mobile: ${page}, performance`,
      figure: String(score.performance),
      baseline: '—',
      ratio: '—',
      target: '≥ 95',
      met: met(score.performance >= 95),
    },
    {
      row: `P6 Lighthouse mobile: ${page}, largest contentful paint`,
      figure: `${(score.lcpMs / 1000).toFixed(2)} s`,
      baseline: '—',
      ratio: '—',
      target: '≤ 2.5 s',
      met: met(score.lcpMs <= 2500),
    },
  ]
}

/**
 * P5: `pnpm start` on an empty data folder (the embedded PGlite, demo data): seconds from the command to
 * the first 200 from /api/health. Then, on that same portal, P6: Lighthouse on the sign-in page and on
 * Medlemmar signed in as the demo administrator (the session cookie sent as an extra header). The portal
 * is stopped with SIGTERM at the end.
 */
export async function measureStartAndPages(chromePath: string): Promise<Row[]> {
  const rows: Row[] = []
  say('P5: pnpm start on an empty data folder')
  let portal: Awaited<ReturnType<typeof startPortal>>
  try {
    portal = await startPortal({ DATABASE_URL: undefined })
  } catch (error) {
    return [
      unmeasured(
        'P5 pnpm start → /api/health answers (empty data folder)',
        `failed: ${errorText(error)}`,
        '≤ 60 s',
      ),
      unmeasured('P6 Lighthouse', 'not measured: the portal did not start', '—'),
    ]
  }
  rows.push({
    row: 'P5 pnpm start → /api/health answers (empty data folder, PGlite)',
    figure: `${portal.secondsToHealthy.toFixed(1)} s`,
    baseline: '—',
    ratio: '—',
    target: '≤ 60 s',
    met: met(portal.secondsToHealthy <= 60),
  })
  let chrome: chromeLauncher.LaunchedChrome | null = null
  try {
    const root = process.getuid?.() === 0
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: [
        '--headless=new',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        ...(root ? ['--no-sandbox'] : []),
      ],
    })
    say('P6: Lighthouse on the sign-in page')
    const signIn = await lighthouseRun(chrome, `${portal.baseUrl}/logga-in`)
    rows.push(...lighthouseRows('sign-in page /logga-in', signIn), {
      row: 'P6 sign-in page, bytes over the wire (Lighthouse total byte weight)',
      figure: kb(signIn.totalBytes),
      baseline: '—',
      ratio: '—',
      target: '≤ 150 KB',
      met: met(signIn.totalBytes <= 150 * KB),
    })
    say('P6: Lighthouse on Medlemmar, signed in')
    const client = new PortalClient(portal.baseUrl)
    await client.signIn(DEMO_ADMIN, 'kundnav-demo-2026', DEMO_ORGANIZATION, 'ADMIN')
    const members = await lighthouseRun(chrome, `${portal.baseUrl}/medlemmar`, client.cookieHeader())
    rows.push(...lighthouseRows('Medlemmar /medlemmar, signed in', members))
  } catch (error) {
    rows.push(unmeasured('P6 Lighthouse', `failed: ${errorText(error)}`, '—'))
  } finally {
    chrome?.kill()
    await portal.stop()
  }
  return rows
}
