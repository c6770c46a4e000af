import { describe, expect, it } from 'vitest'
import { renderInLanguage } from '../../i18n/test-texts.tsx'
import { AgentOrderFilterForm } from './agent-order-filter.tsx'
import type { AgentOrderFilter } from './agent-order-query.ts'

const OFFERING = '11111111-1111-4111-8111-111111111111'
const ORGANIZATION = '22222222-2222-4222-8222-222222222222'

function render(filter: AgentOrderFilter, language: 'sv' | 'en' = 'sv', listed = true) {
  return renderInLanguage(
    <AgentOrderFilterForm
      filter={filter}
      offerings={listed ? [{ id: OFFERING, label: 'Webcert Fristående' }] : undefined}
      customers={listed ? [{ id: ORGANIZATION, label: 'Region Norrby (demo)' }] : undefined}
      onFilter={() => {}}
    />,
    language,
  )
}

describe('the filter row of "Hantera beställningar"', () => {
  it('offers the offerings and customers among the orders naming the agent, the chosen ones selected', () => {
    const html = render({ offeringId: OFFERING, organizationId: ORGANIZATION })
    expect(html).toContain('>Erbjudande</label>')
    expect(html).toContain('<option value="">Alla erbjudanden</option>')
    expect(html).toContain(`<option value="${OFFERING}" selected="">Webcert Fristående</option>`)
    expect(html).toContain('>Kund</label>')
    expect(html).toContain('<option value="">Alla kunder</option>')
    expect(html).toContain(`<option value="${ORGANIZATION}" selected="">Region Norrby (demo)</option>`)
  })

  it('has a status list only when it shows every order', () => {
    expect(render({})).not.toContain('>Status</label>')
    const all = render({ all: true, status: 'WITHDRAWN' })
    expect(all).toContain('<option value="all" selected="">Alla beställningar till er</option>')
    expect(all).toContain('>Status</label>')
    expect(all).toContain('<option value="">Alla statusar</option>')
    expect(all).toContain('<option value="WITHDRAWN" selected="">Återkallad</option>')
    expect(render({ all: true }, 'en')).toContain('<option value="" selected="">All statuses</option>')
  })

  it('has no offering or customer list until they are listed', () => {
    const html = render({}, 'sv', false)
    expect(html).not.toContain('Erbjudande')
    expect(html).not.toContain('Kund')
    expect(html).toContain('>Filtrera</button>')
  })
})
