import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CATALOGUE } from './catalogue.ts'
import { describeForm, formFields, pricedQuantity } from './form.ts'

describe('offering forms', () => {
  it('every offering of the catalogue describes itself for the wizard', () => {
    for (const service of CATALOGUE) {
      for (const offering of service.offerings) {
        expect(() => describeForm(offering.fields), offering.code).not.toThrow()
      }
    }
  })

  it('says what kind each field is, with its labels, bounds and options', () => {
    const webcert = CATALOGUE[0]?.offerings.find((o) => o.code === 'webcert-integrerad-via-agent')
    if (!webcert) throw new Error('no webcert offering')
    const [careUnits, sourceSystem, agent] = describeForm(webcert.fields)
    expect(careUnits).toMatchObject({ name: 'careUnits', kind: 'integer', min: 1, max: 5000, priced: true })
    expect(careUnits?.label.sv).toBe('Antal vårdenheter')
    expect(sourceSystem?.kind).toBe('choice')
    expect(sourceSystem?.options[0]).toEqual({
      value: 'cambio-cosmic',
      label: { sv: 'Cambio COSMIC', en: 'Cambio COSMIC' },
    })
    expect(agent).toMatchObject({ kind: 'source', source: 'agentsForService', optional: false })
    expect(pricedQuantity(webcert.fields, { careUnits: 12 })).toBe(12)
  })

  it('refuses a form the wizard could not render', () => {
    const label = { sv: 'Fält', en: 'Field' }
    expect(() => describeForm(z.object({ a: z.string() }))).toThrow(/no meta/)
    expect(() => describeForm(z.object({ a: z.boolean().register(formFields, { label }) }))).toThrow(
      /renders/,
    )
    expect(() => describeForm(z.object({ a: z.enum(['x', 'y']).register(formFields, { label }) }))).toThrow(
      /option "x" has no label/,
    )
    expect(() =>
      describeForm(
        z.object({
          a: z.number().int().min(1).max(5).optional().register(formFields, { label, priced: true }),
        }),
      ),
    ).toThrow(/priced/)
    expect(() =>
      describeForm(z.object({ n: z.number().int().min(1).register(formFields, { label, priced: true }) })),
    ).toThrow(/\.max\(\)/)
    expect(() =>
      describeForm(z.object({ n: z.number().int().min(1).max(3e9).register(formFields, { label }) })),
    ).toThrow(/within/)
    expect(pricedQuantity(z.object({ t: z.string().register(formFields, { label }) }), { t: 'x' })).toBe(1)
  })
})
