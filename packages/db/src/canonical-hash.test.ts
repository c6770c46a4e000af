import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from './canonical-hash.ts'

/** An IEEE 754 double from its 16 hex digits, as RFC 8785 appendix B lists them. */
function double(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0)
}

describe('canonicalJson (RFC 8785)', () => {
  it('writes the sample of section 3.2.2: sorted members, ECMAScript numbers, minimal string escapes', () => {
    const input = JSON.parse(`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
      "literals": [null, true, false]
    }`)
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        `"string":"€$\\u000f\\nA'B\\"\\\\\\\\\\"/"}`,
    )
  })

  it('sorts member names by UTF-16 code units (section 3.2.3)', () => {
    const input = JSON.parse(`{
      "\\u20ac": "Euro Sign",
      "\\r": "Carriage Return",
      "\\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\\ud83d\\ude00": "Emoji: Grinning Face",
      "\\u0080": "Control",
      "\\u00f6": "Latin Small Letter O With Diaeresis"
    }`)
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    )
  })

  it('formats numbers as appendix B lists them', () => {
    const cases: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ]
    for (const [hex, text] of cases) expect(canonicalJson(double(hex)), hex).toBe(text)
  })

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow()
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow()
    expect(() => canonicalJson({ text: '\ud800' })).toThrow(/surrogate/i)
    expect(() => canonicalJson(undefined)).toThrow(/no JSON representation/)
  })

  it('does not depend on the order members were written in, and nests', () => {
    expect(canonicalJson({ b: [{ z: 1, y: { x: null } }], a: 'å' })).toBe(
      canonicalJson(JSON.parse('{"a":"å","b":[{"y":{"x":null},"z":1}]}')),
    )
    expect(canonicalJson({ b: [{ z: 1, y: { x: null } }], a: 'å' })).toBe(
      '{"a":"å","b":[{"y":{"x":null},"z":1}]}',
    )
  })
})

describe('contentHash', () => {
  it('is the lower-case hex SHA-256 of the canonical JSON in UTF-8', () => {
    expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')
    const value = { b: [true, null], a: 1 }
    expect(contentHash(value)).toBe(
      createHash('sha256').update(Buffer.from('{"a":1,"b":[true,null]}', 'utf8')).digest('hex'),
    )
    expect(contentHash({ name: 'Örebro €' })).toBe(
      createHash('sha256').update(Buffer.from('{"name":"Örebro €"}', 'utf8')).digest('hex'),
    )
  })
})
