import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

/**
 * P4 of `pnpm bench`: how much JavaScript a page needs before it works, read from the build output
 * (`pnpm --filter @kundnav/web build`), without starting a server.
 *
 * A page needs what `index.html` loads and preloads (the entry and its static imports) plus, when its
 * route's component loads lazily, that chunk and its static imports — Vite's manifest
 * (`dist/.vite/manifest.json`) gives the chunk graph; a route without a lazy component has it in the
 * entry. What a page imports dynamically later (on submit, say) is not counted. Each file is counted
 * once, as its own gzip (level 9, as the server's precompressed `.gz`).
 *
 * Run alone: `tsx apps/web/bench/first-page-js.ts [distDir]`.
 */

export interface FirstPageJs {
  /** The JavaScript of the sign-in page (/logga-in), gzip bytes. Target ≤ 120 KB. */
  signInPageGzipBytes: number
  /** The largest JavaScript file of the build. Target ≤ 300 KB gzip. */
  largestChunk: { file: string; gzipBytes: number }
  /** The page that needs the most JavaScript, and how much (gzip bytes). */
  heaviestPage: { route: string; gzipBytes: number }
  /**
   * What the server sends for the sign-in page — index.html, its JavaScript and its stylesheets — to a
   * client that accepts no compression (identity), gzip, or brotli (every current browser), from the
   * precompressed files the build writes. Target ≤ 150 KB.
   */
  signInPageTransfer: { files: number; identityBytes: number; gzipBytes: number; brotliBytes: number }
}

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

/** The routes: `src/app/routes/<name>.tsx`, with the lazy component, if any, in `<name>.lazy.tsx`. */
const ROUTES_DIR = join('src', 'app', 'routes')
const SIGN_IN_ROUTE = 'sign-in'

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export async function measureFirstPageJs(distDir: string = join(webDir, 'dist')): Promise<FirstPageJs> {
  const dist = resolve(distDir)
  const manifestFile = join(dist, '.vite', 'manifest.json')
  const indexFile = join(dist, 'index.html')
  if (!existsSync(indexFile) || !existsSync(manifestFile)) {
    throw new Error(
      `No build with a manifest in ${dist}: run \`pnpm --filter @kundnav/web build\` first (build.manifest is on).`,
    )
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  const html = readFileSync(indexFile, 'utf8')

  const gzipSizes = new Map<string, number>()
  const gzipSize = (file: string) => {
    let size = gzipSizes.get(file)
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
      gzipSizes.set(file, size)
    }
    return size
  }
  const gzipTotal = (files: Iterable<string>) => sum([...files].map(gzipSize))

  // What index.html itself names: the entry script and the chunks it preloads.
  const shellJs = new Set(htmlAssets(html, /<script\b[^>]*\bsrc="\/([^"]+\.js)"/g))
  for (const file of htmlAssets(html, /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+)"/g))
    shellJs.add(file)
  const shellCss = new Set(htmlAssets(html, /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\/([^"]+\.css)"/g))
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue
    for (const file of closure(manifest, key).js) shellJs.add(file)
  }

  const pages = routeNames().map((name) => {
    const lazyKey = `src/app/routes/${name}.lazy.tsx`
    if (!manifest[lazyKey]) {
      if (existsSync(join(webDir, ROUTES_DIR, `${name}.lazy.tsx`))) {
        throw new Error(`The build has no chunk for ${lazyKey}: is it a build of this source?`)
      }
      return { name, route: routePath(name), js: shellJs, css: shellCss }
    }
    const own = closure(manifest, lazyKey)
    const js = new Set([...shellJs, ...own.js])
    return { name, route: routePath(name), js, css: new Set([...shellCss, ...own.css]) }
  })
  const signIn = pages.find((page) => page.name === SIGN_IN_ROUTE)
  if (!signIn) throw new Error(`There is no route ${ROUTES_DIR}/${SIGN_IN_ROUTE}.tsx`)

  let heaviestPage = { route: '(none)', gzipBytes: 0 }
  for (const page of pages) {
    const gzipBytes = gzipTotal(page.js)
    if (gzipBytes > heaviestPage.gzipBytes) heaviestPage = { route: page.route, gzipBytes }
  }

  let largestChunk = { file: '(none)', gzipBytes: 0 }
  for (const file of listFiles(dist, 'assets').filter((name) => name.endsWith('.js'))) {
    const gzipBytes = gzipSize(file)
    if (gzipBytes > largestChunk.gzipBytes) largestChunk = { file, gzipBytes }
  }

  const transferred = ['index.html', ...signIn.js, ...signIn.css].map((file) => served(dist, file))
  return {
    signInPageGzipBytes: gzipTotal(signIn.js),
    largestChunk,
    heaviestPage,
    signInPageTransfer: {
      files: transferred.length,
      identityBytes: sum(transferred.map((size) => size.identity)),
      gzipBytes: sum(transferred.map((size) => size.gzip)),
      brotliBytes: sum(transferred.map((size) => size.brotli)),
    },
  }
}

/**
 * The bytes the server sends for `file` with each Accept-Encoding: its precompressed `.br` / `.gz` where
 * the build wrote one (not for the smallest files), else the file itself.
 */
function served(dist: string, file: string): { identity: number; gzip: number; brotli: number } {
  const identity = statSync(join(dist, file)).size
  const variant = (suffix: string) =>
    existsSync(join(dist, file + suffix)) ? statSync(join(dist, file + suffix)).size : identity
  return { identity, gzip: variant('.gz'), brotli: variant('.br') }
}

/** A chunk's file with everything it imports statically, transitively: what must load before it runs. */
function closure(manifest: Manifest, key: string): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>()
  const css = new Set<string>()
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const chunk = manifest[name]
    if (!chunk) throw new Error(`The manifest names ${name} but has no entry for it`)
    if (chunk.file.endsWith('.js')) js.add(chunk.file)
    for (const file of chunk.css ?? []) css.add(file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(key)
  return { js, css }
}

function htmlAssets(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].flatMap((match) => (match[1] ? [match[1]] : []))
}

/** Every route's name: the files in `src/app/routes` but the root route and the lazy components. */
function routeNames(): string[] {
  return readdirSync(join(webDir, ROUTES_DIR))
    .filter((file) => file.endsWith('.tsx') && !file.endsWith('.lazy.tsx') && file !== 'root.tsx')
    .map((file) => file.slice(0, -'.tsx'.length))
}

/** The address of a route (`/logga-in`), from `src/app/routes/<name>.tsx`; its file name if not found. */
function routePath(name: string): string {
  const source = join(webDir, ROUTES_DIR, `${name}.tsx`)
  if (!existsSync(source)) return name
  return /\bpath:\s*'([^']+)'/.exec(readFileSync(source, 'utf8'))?.[1] ?? name
}

function listFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return []
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    return entry.isDirectory() ? listFiles(root, path) : [path]
  })
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await measureFirstPageJs(process.argv[2])
  const transfer = result.signInPageTransfer
  console.log(`Sign-in page JavaScript (gzip):       ${kB(result.signInPageGzipBytes)}   target ≤ 120 kB`)
  console.log(
    `Largest chunk (gzip):                 ${kB(result.largestChunk.gzipBytes)}   ${result.largestChunk.file}   target ≤ 300 kB`,
  )
  console.log(
    `Heaviest page JavaScript (gzip):      ${kB(result.heaviestPage.gzipBytes)}   ${result.heaviestPage.route}`,
  )
  console.log(
    `Sign-in page over the wire (${transfer.files} files): ${kB(transfer.identityBytes)} identity, ` +
      `${kB(transfer.gzipBytes)} gzip, ${kB(transfer.brotliBytes)} brotli   target ≤ 150 kB`,
  )
}
