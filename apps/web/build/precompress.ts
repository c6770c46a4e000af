import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Text formats worth compressing; images, fonts and the like are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/

/** Below this, compression saves nothing worth a file. */
const MIN_BYTES = 200

/** What the server sends, best first, with the suffix of the file it sends (apps/server/src/app.ts). */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const

export async function compressBoth(bytes: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ])
  return { br, gzip: gz }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir` (index.html and /assets
 * alike), once, at the highest levels — the server then only picks one (content negotiation), never
 * compressing a static file per request. A variant that would not be smaller is not written. Skips
 * dot-directories (Vite's `.vite/manifest.json` is not served).
 */
export async function precompressDir(
  dir: string,
): Promise<{ file: string; bytes: number; br?: number; gzip?: number }[]> {
  const written: { file: string; bytes: number; br?: number; gzip?: number }[] = []
  for (const file of await listFiles(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const bytes = await readFile(file)
    if (bytes.length < MIN_BYTES) continue
    const variants = await compressBoth(bytes)
    const row: (typeof written)[number] = { file: relative(dir, file), bytes: bytes.length }
    for (const { encoding, suffix } of PRECOMPRESSED) {
      const compressed = variants[encoding]
      if (compressed.length >= bytes.length) continue
      await writeFile(file + suffix, compressed)
      row[encoding] = compressed.length
    }
    written.push(row)
  }
  return written
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files = await Promise.all(
    entries.map(async (entry) => {
      if (entry.name.startsWith('.')) return []
      const path = join(dir, entry.name)
      return entry.isDirectory() ? listFiles(path) : [path]
    }),
  )
  return files.flat()
}

/** `vite build` only: precompresses the output once it is written (public files included). */
export function precompress(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'kundnav:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir)
      const written = await precompressDir(outDir)
      config.logger.info(
        `precompressed ${written.length} files (brotli and gzip) in ${relative(config.root, outDir)}`,
      )
    },
  }
}
