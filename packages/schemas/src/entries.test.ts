import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

/** Every module `entry` loads, following relative and workspace imports, with the packages it imports. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = []
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.includes(file)) return
    files.push(file)
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    for (const [, specifier] of source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      if (!specifier) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else if (specifier.startsWith('@kundnav/')) visit(require.resolve(specifier))
      else packages.add(specifier)
    }
  }
  visit(resolve(here, entry))
  return { files, packages }
}

describe('the entries the SPA loads before any page', () => {
  it('@kundnav/schemas/permissions needs no package at all: no zod, only the generated enums', async () => {
    const { files, packages } = importGraph('permissions.ts')
    expect([...packages]).toEqual([])
    expect(files.some((file) => file.endsWith('generated/prisma/enums.ts'))).toBe(true)
    const entry = await import('@kundnav/schemas/permissions')
    expect(entry.can('ADMIN', 'member.manage')).toBe(true)
    expect(entry.ROLE_LABELS.ATTESTER.sv).toBe('Attestant')
    expect(entry.effectiveRoles(['RESPONSIBLE'])).toEqual(['RESPONSIBLE', 'CASE_OFFICER'])
    expect(entry.ROLES).toContain(entry.Role.ADMIN)
  })

  it("@kundnav/schemas/sign-in uses zod/mini, never zod's full build", () => {
    const { packages } = importGraph('sign-in.ts')
    expect([...packages]).toEqual(['zod/mini'])
  })
})
