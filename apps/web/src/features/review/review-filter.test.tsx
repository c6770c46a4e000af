import { describe, expect, it } from 'vitest'
import { renderInLanguage } from '../../i18n/test-texts.tsx'
import { ReviewFilterForm } from './review-filter.tsx'
import type { ReviewFilter } from './review-query.ts'

const OFFERING = '11111111-1111-4111-8111-111111111111'
const ORGANIZATION = '22222222-2222-4222-8222-222222222222'

function render(filter: ReviewFilter, language: 'sv' | 'en' = 'sv', listed = true) {
  return renderInLanguage(
    <ReviewFilterForm
      filter={filter}
      offerings={listed ? [{ id: OFFERING, label: 'Webcert Fristående' }] : undefined}
      organizations={listed ? [{ id: ORGANIZATION, label: 'Region Norrby (demo)' }] : undefined}
      onFilter={() => {}}
    />,
    language,
  )
}

describe('the filter row of "Granska beställningar"', () => {
  it('offers the offerings and organisations among the orders, the chosen ones selected', () => {
    const html = render({ offeringId: OFFERING, organizationId: ORGANIZATION })
    expect(html).toContain('>Erbjudande</label>')
    expect(html).toContain('<option value="">Alla erbjudanden</option>')
    expect(html).toContain(`<option value="${OFFERING}" selected="">Webcert Fristående</option>`)
    expect(html).toContain('>Organisation</label>')
    expect(html).toContain('<option value="">Alla organisationer</option>')
    expect(html).toContain(`<option value="${ORGANIZATION}" selected="">Region Norrby (demo)</option>`)
  })

  it('has a status list only when it shows every order', () => {
    expect(render({})).not.toContain('>Status</label>')
    const all = render({ all: true, status: 'WITHDRAWN' })
    expect(all).toContain('<option value="all" selected="">Alla beställningar</option>')
    expect(all).toContain('>Status</label>')
    expect(all).toContain('<option value="">Alla statusar</option>')
    expect(all).toContain('<option value="WITHDRAWN" selected="">Återkallad</option>')
    expect(render({ all: true }, 'en')).toContain('<option value="" selected="">All statuses</option>')
  })

  it('has no offering or organisation list until they are listed', () => {
    const html = render({}, 'sv', false)
    expect(html).not.toContain('Erbjudande')
    expect(html).not.toContain('Organisation')
    expect(html).toContain('>Filtrera</button>')
  })
})
