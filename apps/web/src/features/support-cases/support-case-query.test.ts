import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en.ts'
import { sv } from '../../i18n/sv.ts'
import { testTexts } from '../../i18n/test-texts.tsx'
import { caseProblem } from './support-case-problem.tsx'
import { filterOf, searchOf, validateSupportCaseSearch } from './support-case-query.ts'

const ORGANIZATION = '22222222-2222-4222-8222-222222222222'

describe("Ärenden's address", () => {
  it('keeps a known status, an area key and an organisation id', () => {
    expect(validateSupportCaseSearch({ status: 'CLOSED', area: 'LON', organization: ORGANIZATION })).toEqual({
      status: 'CLOSED',
      area: 'LON',
      organization: ORGANIZATION,
    })
  })

  it('keeps a search trimmed, and none when blank', () => {
    expect(validateSupportCaseSearch({ search: '  Primula ' })).toEqual({ search: 'Primula' })
    expect(validateSupportCaseSearch({ search: '   ' })).toEqual({})
  })

  it('drops what is not one (the open cases, every area and organisation then)', () => {
    expect(
      validateSupportCaseSearch({ status: 'OPEN', area: 'lön; drop', organization: 'not-an-id', extra: 1 }),
    ).toEqual({})
  })

  it('goes from the address to the filter and back unchanged', () => {
    const search = {
      status: 'IN_PROGRESS' as const,
      area: 'IT',
      organization: ORGANIZATION,
      search: '2026-000123',
    }
    expect(searchOf(filterOf(search))).toEqual(search)
    expect(searchOf({})).toEqual({})
  })
})

describe('a refused change of a case', () => {
  /** What the tRPC client throws for an AppError (lib/trpc-error.ts reads it by name and data). */
  function refusal(appCode: string) {
    return Object.assign(new Error('refused'), {
      name: 'TRPCClientError',
      data: { code: 'CONFLICT', httpStatus: 409, appCode },
    })
  }

  it('offers a reload when someone else changed or closed the case', async () => {
    await testTexts.changeLanguage('sv')
    expect(caseProblem(testTexts.t, refusal('CASE_CHANGED'))).toEqual({
      message: sv.supportCases.view.errors.CASE_CHANGED,
      reload: true,
    })
    await testTexts.changeLanguage('en')
    expect(caseProblem(testTexts.t, refusal('CASE_CLOSED'))).toEqual({
      message: en.supportCases.view.errors.CASE_CLOSED,
      reload: true,
    })
  })

  it('says saving failed, without a reload, for anything else', async () => {
    await testTexts.changeLanguage('sv')
    const failure = new Error('network down')
    expect(caseProblem(testTexts.t, failure)).toEqual({
      message: sv.common.saveFailed,
      reload: false,
      error: failure,
    })
  })
})
