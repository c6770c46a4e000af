import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { precompressDir } from './precompress.ts'

describe('precompressing the build', () => {
  it('writes brotli and gzip beside each text file worth it, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kundnav-precompress-'))
    mkdirSync(join(dir, 'assets'))
    mkdirSync(join(dir, '.vite'))
    const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, name: `rad ${i}` })))}\n`
    writeFileSync(join(dir, 'assets', 'index-abc.js'), script)
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="sv">${'<p>Kundnav</p>'.repeat(100)}</html>`,
    )
    writeFileSync(join(dir, 'assets', 'tiny-abc.js'), 'export const a = 1\n')
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7))
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify({ padding: 'x'.repeat(4096) }))

    const written = await precompressDir(dir)

    expect(written.map((row) => row.file).sort()).toEqual(['assets/index-abc.js', 'index.html'])
    for (const file of ['assets/index-abc.js', 'index.html']) {
      const original = readFileSync(join(dir, file))
      expect(brotliDecompressSync(readFileSync(join(dir, `${file}.br`)))).toEqual(original)
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`)))).toEqual(original)
      expect(readFileSync(join(dir, `${file}.br`)).length).toBeLessThan(original.length)
    }
    for (const skipped of ['assets/tiny-abc.js', 'assets/logo.png', '.vite/manifest.json']) {
      expect(existsSync(join(dir, `${skipped}.br`)), skipped).toBe(false)
      expect(existsSync(join(dir, `${skipped}.gz`)), skipped).toBe(false)
    }
  })
})
