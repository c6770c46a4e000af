import { describe, expect, it } from 'vitest'
import { readRememberedPair } from './remembered-pair.ts'

describe('the remembered pair cookie', () => {
  it('reads a pair and ignores anything else, malformed escapes included', () => {
    const organizationId = '0194a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
    expect(readRememberedPair({ 'kundnav.pair': `${organizationId}:ADMIN` })).toEqual({
      organizationId,
      role: 'ADMIN',
    })
    for (const bad of ['%', '%ZZ', '%E0%A4%A', 'x:y', '']) {
      expect(readRememberedPair({ 'kundnav.pair': bad }), bad).toBeNull()
    }
  })
})
