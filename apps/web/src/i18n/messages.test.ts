import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { sv } from './sv.ts'

/** Every leaf of a message tree as [dotted key, value]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? leaves(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  )
}

const languages = { sv, en }

describe('translations', () => {
  it('have the same keys in Swedish and English', () => {
    const svKeys = leaves(sv).map(([key]) => key)
    const enKeys = leaves(en).map(([key]) => key)
    expect(enKeys.toSorted()).toEqual(svKeys.toSorted())
  })

  it.each(Object.entries(languages))(
    'names the administration pages in the menu as their headings do, in %s',
    (_language, messages) => {
      const { shell } = messages
      expect([shell.navMembers, shell.navAuditLog, shell.navCaseOfficers, shell.navSupport]).toEqual([
        messages.members.title,
        messages.auditLog.title,
        messages.caseOfficers.title,
        messages.support.title,
      ])
    },
  )

  it.each(Object.entries(languages))(
    'names the ordering pages in the menu as their headings do, in %s',
    (_language, messages) => {
      const { shell } = messages
      expect([shell.navOrder, shell.navOrders, shell.navCatalogue]).toEqual([
        messages.catalogue.title,
        messages.orders.title,
        messages.catalogueAdmin.title,
      ])
    },
  )

  it.each(Object.entries(languages))('has no empty or non-string text in %s', (_language, messages) => {
    for (const [key, value] of leaves(messages)) {
      expect(typeof value, key).toBe('string')
      expect(String(value).trim(), key).not.toBe('')
    }
  })

  it.each(Object.entries(languages))(
    'uses the same placeholders in %s as in Swedish',
    (_language, messages) => {
      const placeholders = (text: unknown) => (String(text).match(/{{\s*\w+\s*}}/g) ?? []).toSorted()
      const swedish = new Map(leaves(sv))
      for (const [key, value] of leaves(messages)) {
        expect(placeholders(value), key).toEqual(placeholders(swedish.get(key)))
      }
    },
  )
})
