import { z } from 'zod'

/** A text in both of the portal's languages. */
export interface LocalText {
  sv: string
  en: string
}

/** Where a list field's options come from when they are not fixed: the server answers them per order. */
export const OPTION_SOURCES = ['agentsForService'] as const
export type OptionSource = (typeof OPTION_SOURCES)[number]

/** What an offering form's field says about itself, besides its rules. */
export interface FieldMeta {
  label: LocalText
  help?: LocalText
  /** The priced quantity: the monthly fee is per unit of it. At most one field of a form. */
  priced?: boolean
  /** The label of each value of a fixed list (a `z.enum`), in the order shown. */
  options?: Record<string, LocalText>
  /** A list the server answers for the ordering organisation (its values are ids). */
  source?: OptionSource
}

/**
 * The registry offering forms register their fields' meta in: `schema.register(formFields, meta)`.
 * A registry of our own (not zod's global one) types the meta and keeps it apart from other schemas'.
 */
export const formFields = z.registry<FieldMeta>()

export type FieldKind = 'integer' | 'text' | 'choice' | 'source'

/** A field as the wizard renders, checks and reviews it (`describeForm`). */
export interface FieldDescription {
  name: string
  kind: FieldKind
  label: LocalText
  help: LocalText | null
  optional: boolean
  priced: boolean
  /** integer: the bounds; text: the longest. */
  min: number | null
  max: number | null
  /** choice: the fixed options, in order. */
  options: { value: string; label: LocalText }[]
  source: OptionSource | null
}

/** An offering's own fields: one zod object whose every field is registered in `formFields`. */
export type OfferingFields = z.ZodObject<Record<string, z.ZodType>>

/** The largest value of PostgreSQL's INTEGER. */
const INT_MAX = 2_147_483_647

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * The fields of `fields`, in order, as the wizard needs them. Throws on a field the wizard cannot
 * render (an unsupported type, a missing label, a list option without its label, two priced fields), so a
 * wrong form fails its test and the server's start rather than a person's order.
 */
export function describeForm(fields: OfferingFields): FieldDescription[] {
  const described = Object.entries(fields.shape).map(([name, schema]): FieldDescription => {
    const meta = formFields.get(schema)
    if (!meta) throw new Error(`form field "${name}" has no meta in formFields (label, help …)`)
    const optional = schema instanceof z.ZodOptional
    const inner = optional ? (schema as z.ZodOptional<z.ZodType>).unwrap() : schema
    const base = {
      name,
      label: meta.label,
      help: meta.help ?? null,
      optional,
      priced: meta.priced === true,
      min: null,
      max: null,
      options: [],
      source: null,
    }
    if (inner instanceof z.ZodNumber) {
      if (!inner.isInt) throw new Error(`form field "${name}": numbers must be whole (.int())`)
      const min = finite(inner.minValue)
      const max = finite(inner.maxValue)
      // Bounded, so a priced quantity always fits the order's INTEGER column and a person is told the range.
      if (min === null || max === null || min < -INT_MAX || max > INT_MAX) {
        throw new Error(`form field "${name}": a whole number needs .min() and .max() within ±${INT_MAX}`)
      }
      return { ...base, kind: 'integer', min, max }
    }
    if (inner instanceof z.ZodEnum) {
      const values = inner.options.map(String)
      const options = values.map((value) => {
        const label = meta.options?.[value]
        if (!label) throw new Error(`form field "${name}": option "${value}" has no label`)
        return { value, label }
      })
      return { ...base, kind: 'choice', options }
    }
    if (inner instanceof z.ZodStringFormat && meta.source) {
      return { ...base, kind: 'source', source: meta.source }
    }
    if (inner instanceof z.ZodString) {
      if (meta.source) return { ...base, kind: 'source', source: meta.source }
      return { ...base, kind: 'text', max: finite(inner.maxLength) }
    }
    throw new Error(`form field "${name}": the wizard renders whole numbers, texts and lists only`)
  })
  const priced = described.filter((field) => field.priced)
  if (priced.length > 1) throw new Error('a form has at most one priced field')
  if (priced[0] && (priced[0].kind !== 'integer' || priced[0].optional)) {
    throw new Error('the priced field is a required whole number')
  }
  return described
}

/** How many units the monthly fee is for: the priced field's value, or 1 when the form has none. */
export function pricedQuantity(fields: OfferingFields, values: Record<string, unknown>): number {
  const priced = describeForm(fields).find((field) => field.priced)
  const value = priced ? values[priced.name] : 1
  return typeof value === 'number' ? value : 1
}
