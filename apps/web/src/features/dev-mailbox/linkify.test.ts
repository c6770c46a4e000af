import { describe, expect, it } from 'vitest'
import { linkify } from './linkify.ts'

describe('linkify', () => {
  it('leaves text without links as one part', () => {
    expect(linkify('Hej Anna!')).toEqual([{ kind: 'text', text: 'Hej Anna!' }])
  })

  it('finds a link inside text', () => {
    const text = 'Välj lösenord här:\nhttp://localhost:3000/valj-losenord?token=abc123\n\nHälsningar'
    expect(linkify(text)).toEqual([
      { kind: 'text', text: 'Välj lösenord här:\n' },
      {
        kind: 'link',
        text: 'http://localhost:3000/valj-losenord?token=abc123',
        href: 'http://localhost:3000/valj-losenord?token=abc123',
      },
      { kind: 'text', text: '\n\nHälsningar' },
    ])
  })

  it('leaves sentence punctuation and unopened brackets outside the link', () => {
    expect(linkify('Se https://example.se/a. (och https://example.se/b), klart')).toEqual([
      { kind: 'text', text: 'Se ' },
      { kind: 'link', text: 'https://example.se/a', href: 'https://example.se/a' },
      { kind: 'text', text: '. (och ' },
      { kind: 'link', text: 'https://example.se/b', href: 'https://example.se/b' },
      { kind: 'text', text: '), klart' },
    ])
  })

  it('keeps brackets the address itself opened', () => {
    const url = 'https://sv.wikipedia.org/wiki/Kundnav_(portal)'
    expect(linkify(`${url}.`)).toEqual([
      { kind: 'link', text: url, href: url },
      { kind: 'text', text: '.' },
    ])
  })

  it('links only http and https addresses', () => {
    expect(linkify('javascript:alert(1) ftp://x.se')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) ftp://x.se' },
    ])
  })
})
