import { describe, expect, it } from 'vitest'
import { formatKronor, kronorInput, parseKronor } from './format-price.ts'

/** Intl separates thousands with a narrow no-break space in Swedish; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('formatKronor', () => {
  it('shows whole kronor without decimals, as Swedish prices are written', () => {
    expect(plain(formatKronor(1_500_000, 'sv'))).toBe('15 000 kr')
    expect(plain(formatKronor(25_000, 'sv'))).toBe('250 kr')
    expect(plain(formatKronor(0, 'sv'))).toBe('0 kr')
  })

  it('shows öre with a decimal comma in Swedish and a point in English', () => {
    expect(plain(formatKronor(250, 'sv'))).toBe('2,50 kr')
    expect(plain(formatKronor(250, 'en'))).toBe('SEK 2.50')
    expect(plain(formatKronor(1_500_000, 'en'))).toBe('SEK 15,000')
  })
})

describe('parseKronor', () => {
  it.each([
    ['15 000', 1_500_000],
    ['15000', 1_500_000],
    ['15 000 kr', 1_500_000],
    ['2,50', 250],
    ['2.5', 250],
    ['0', 0],
    [' 250\u00a0kr ', 25_000],
  ])('reads %j as %i öre', (text, ore) => {
    expect(parseKronor(text)).toBe(ore)
  })

  it.each(['', 'tio', '-5', '2,505', '1e5', '15 000,-'])('refuses %j', (text) => {
    expect(parseKronor(text)).toBeNull()
  })

  it('gives back what kronorInput wrote', () => {
    for (const ore of [0, 5, 250, 25_000, 1_500_000, 123_456]) expect(parseKronor(kronorInput(ore))).toBe(ore)
  })
})
