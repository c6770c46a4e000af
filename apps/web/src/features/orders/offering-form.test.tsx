import { zText } from '@kundnav/schemas'
import { catalogueOffering, describeForm, formFields } from '@kundnav/schemas/catalogue'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { renderInLanguage, testTexts } from '../../i18n/test-texts.tsx'
import { OfferingFieldInputs } from './offering-field-inputs.tsx'
import { checkFields, displayValue, fieldAnswers, rawFieldValues } from './offering-form.ts'

/**
 * A throwaway offering, defined here and nowhere else: three fields, one of them a list. Nothing in the
 * wizard knows it, so rendering, checking and reviewing it proves the wizard is generic.
 */
const throwaway = z.object({
  licences: z
    .number()
    .int()
    .min(2)
    .max(40)
    .register(formFields, { label: { sv: 'Antal licenser', en: 'Number of licences' }, priced: true }),
  colour: z.enum(['red', 'green']).register(formFields, {
    label: { sv: 'Färg på kortet', en: 'Colour of the card' },
    help: { sv: 'Välj den färg ni vill ha.', en: 'Choose the colour you want.' },
    options: { red: { sv: 'Röd', en: 'Red' }, green: { sv: 'Grön', en: 'Green' } },
  }),
  note: zText()
    .trim()
    .max(20)
    .optional()
    .register(formFields, { label: { sv: 'Anteckning', en: 'Note' } }),
})
const throwawayFields = describeForm(throwaway)

const tSv = testTexts.getFixedT('sv')
const tEn = testTexts.getFixedT('en')

function render(language: 'sv' | 'en', values: Record<string, string>, errors: Record<string, string> = {}) {
  return renderInLanguage(
    <OfferingFieldInputs
      fields={throwawayFields}
      values={values}
      errors={errors}
      language={language}
      sourceOptions={{}}
      onChange={() => {}}
    />,
    language,
  )
}

describe('the wizard with a throwaway offering of three fields', () => {
  it('renders each field with its label, hint, "(valfritt)" and the list options in the page language', () => {
    const html = render('sv', rawFieldValues(throwawayFields, { licences: 12, colour: 'green' }))
    expect(html).toContain('>Antal licenser</label>')
    expect(html).toMatch(/id="falt-licences"[^>]*value="12"|value="12"[^>]*id="falt-licences"/)
    expect(html).toContain('>Färg på kortet</label>')
    expect(html).toContain('Välj den färg ni vill ha.')
    expect(html).toMatch(/<option value="green" selected="">Grön<\/option>/)
    expect(html).toContain('<option value="red">Röd</option>')
    expect(html).toContain('>Anteckning (valfritt)</label>')
    expect(html).toMatch(/<select[^>]*id="falt-colour"/)

    const english = render('en', {})
    expect(english).toContain('>Colour of the card</label>')
    expect(english).toContain('<option value="red">Red</option>')
    expect(english).toContain('>Note (optional)</label>')
  })

  it('says what is wrong with each field and how to fix it, in Swedish and in English', () => {
    const raw = { licences: '1', colour: '', note: 'en alldeles för lång anteckning' }
    const swedish = checkFields(tSv, 'sv', throwaway, throwawayFields, raw)
    expect(swedish).toEqual({
      ok: false,
      errors: {
        licences: 'Ange antal licenser som ett heltal mellan 2 och 40.',
        colour: 'Välj färg på kortet.',
        note: 'Anteckning får ha högst 20 tecken.',
      },
    })
    const english = checkFields(tEn, 'en', throwaway, throwawayFields, raw)
    expect(english).toEqual({
      ok: false,
      errors: {
        licences: 'Enter number of licences as a whole number between 2 and 40.',
        colour: 'Choose colour of the card.',
        note: 'Note must be 20 characters or fewer.',
      },
    })
  })

  it('shows the errors next to their fields', () => {
    const html = render(
      'sv',
      { licences: 'tolv' },
      { licences: 'Ange antal licenser som ett heltal mellan 2 och 40.' },
    )
    expect(html).toContain('id="falt-licences-error"')
    expect(html).toContain('aria-invalid="true"')
  })

  it('refuses a required field left empty, a number with decimals, letters, and an option not listed', () => {
    const errors = (raw: Record<string, string>) => {
      const result = checkFields(tSv, 'sv', throwaway, throwawayFields, raw)
      return result.ok ? {} : result.errors
    }
    expect(errors({ licences: '', colour: 'red' })).toEqual({ licences: 'Ange antal licenser.' })
    expect(errors({ licences: '2,5', colour: 'red' }).licences).toBe(
      'Ange antal licenser som ett heltal mellan 2 och 40.',
    )
    expect(errors({ licences: 'tolv', colour: 'red' }).licences).toBe(
      'Ange antal licenser som ett heltal mellan 2 och 40.',
    )
    expect(errors({ licences: '12', colour: 'blue' })).toEqual({ colour: 'Välj färg på kortet.' })
    expect(errors({ licences: '12', colour: 'red', note: 'rad ett\nrad två' })).toEqual({
      note: 'Anteckning får inte innehålla radbrytningar eller tabbar. Skriv allt på en rad.',
    })
  })

  it('keeps valid answers as the draft and the schema want them, and reviews them by their labels', () => {
    const result = checkFields(tSv, 'sv', throwaway, throwawayFields, {
      licences: ' 12 ',
      colour: 'green',
      note: '',
    })
    expect(result).toEqual({ ok: true, answers: { licences: 12, colour: 'green' } })
    const [licences, colour, note] = throwawayFields
    if (!licences || !colour || !note) throw new Error('three fields')
    expect(displayValue(colour, 'green', 'sv', undefined)).toBe('Grön')
    expect(displayValue(colour, 'green', 'en', undefined)).toBe('Green')
    expect(displayValue(licences, 1200, 'sv', undefined)?.replace(/\s/g, ' ')).toBe('1 200')
    expect(displayValue(note, undefined, 'sv', undefined)).toBeNull()
  })

  it('gives back what it kept when a draft is resumed', () => {
    const answers = fieldAnswers(throwawayFields, { licences: '7', colour: 'red', note: 'hej' })
    expect(rawFieldValues(throwawayFields, answers)).toEqual({ licences: '7', colour: 'red', note: 'hej' })
  })
})

describe('the wizard with Webcert Integrerad – via agent', () => {
  const offering = catalogueOffering('webcert-integrerad-via-agent')
  if (!offering) throw new Error('Webcert Integrerad – via agent is in the catalogue')
  const webcertIntegreradViaAgent = offering.fields
  const fields = describeForm(webcertIntegreradViaAgent)

  it('words the real form’s problems from its descriptions, in both languages', () => {
    const raw = { careUnits: '0', sourceSystem: '', agent: '' }
    const swedish = checkFields(tSv, 'sv', webcertIntegreradViaAgent, fields, raw)
    // Thousands are separated by a no-break space, so "5 000" never breaks over two lines.
    const plain = (errors: Record<string, string>) =>
      Object.fromEntries(Object.entries(errors).map(([name, text]) => [name, text.replace(/\s/g, ' ')]))
    expect(swedish.ok ? null : { ok: false, errors: plain(swedish.errors) }).toEqual({
      ok: false,
      errors: {
        careUnits: 'Ange antal vårdenheter som ett heltal mellan 1 och 5 000.',
        sourceSystem: 'Välj källsystem (journalsystem).',
        agent: 'Välj agent (systemleverantör).',
      },
    })
    const english = checkFields(tEn, 'en', webcertIntegreradViaAgent, fields, raw)
    expect(english.ok ? null : english.errors.careUnits?.replace(/\s/g, ' ')).toBe(
      'Enter number of care units as a whole number between 1 and 5,000.',
    )
  })

  it('shows an agent from the server’s list by its name', () => {
    const agent = fields.find((field) => field.name === 'agent')
    if (!agent) throw new Error('agent field')
    const options = [{ value: '0f8fad5b-d9cb-469f-a165-70867728950e', label: 'Journalsystem AB (demo)' }]
    expect(displayValue(agent, options[0]?.value, 'sv', options)).toBe('Journalsystem AB (demo)')
  })
})
