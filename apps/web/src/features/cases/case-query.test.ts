import { describe, expect, it } from 'vitest'
import { CASE_STATUS_FILTERS, validateCaseListSearch } from './case-query.ts'

describe('validateCaseListSearch', () => {
  it('keeps the view, a known status, an area key and a trimmed search', () => {
    expect(
      validateCaseListSearch({ scope: 'organization', status: 'CLOSED', area: 'LON', search: '  2026-12 ' }),
    ).toEqual({ scope: 'organization', status: 'CLOSED', area: 'LON', search: '2026-12' })
  })

  it('drops what the page would not understand, so a hand-edited address shows every case', () => {
    expect(
      validateCaseListSearch({ scope: 'all', status: 'OPEN', area: 'lön; drop', search: '   ', other: 1 }),
    ).toEqual({})
    expect(validateCaseListSearch({ search: 'x'.repeat(300) }).search).toHaveLength(200)
  })

  it('filters by the statuses in the order a case goes through them', () => {
    expect(CASE_STATUS_FILTERS).toEqual(['RECEIVED', 'IN_PROGRESS', 'CLOSED'])
  })
})
