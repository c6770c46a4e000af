import { describe, expect, it } from 'vitest'
import { asRole, safeRedirect, toPair } from './session.ts'
import { pairKey } from './shown-pair.ts'

describe('safeRedirect', () => {
  it('keeps paths inside the portal', () => {
    expect(safeRedirect('/mina-uppgifter')).toBe('/mina-uppgifter')
    expect(safeRedirect('/medlemmar?search=anna')).toBe('/medlemmar?search=anna')
  })

  it('drops other sites, however they are written', () => {
    expect(safeRedirect('https://example.com/')).toBeUndefined()
    expect(safeRedirect('//example.com/')).toBeUndefined()
    expect(safeRedirect('/\\example.com/')).toBeUndefined()
    expect(safeRedirect(42)).toBeUndefined()
  })

  it('never leads back into signing in', () => {
    expect(safeRedirect('/logga-in')).toBeUndefined()
    expect(safeRedirect('/valj-roll?redirect=%2F')).toBeUndefined()
    expect(safeRedirect('/nytt-losenord?token=abc')).toBeUndefined()
    expect(safeRedirect('/logga-inte-in')).toBe('/logga-inte-in')
  })
})

describe('pairs', () => {
  it('are named as the server names them', () => {
    expect(pairKey({ organizationId: 'org-1', role: 'ATTESTER' })).toBe('org-1:ATTESTER')
    expect(pairKey(null)).toBe('none')
  })

  it('only become choosable with a known role', () => {
    expect(asRole('ORDERER')).toBe('ORDERER')
    expect(asRole('KING')).toBeNull()
    expect(toPair({ organizationId: 'org-1', role: 'KING' })).toBeNull()
  })
})
