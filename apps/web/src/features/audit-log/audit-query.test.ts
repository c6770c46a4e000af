import { describe, expect, it } from 'vitest'
import { auditListInput } from './audit-query.ts'

describe('auditListInput', () => {
  it('turns inclusive Swedish days into the half-open range the server filters on', () => {
    const input = auditListInput({ from: '2026-11-01', to: '2026-11-22' })
    expect((input.from as Date | undefined)?.toISOString()).toBe('2026-10-31T23:00:00.000Z')
    expect((input.to as Date | undefined)?.toISOString()).toBe('2026-11-22T23:00:00.000Z')
  })

  it('leaves out what is not filtered on', () => {
    expect(auditListInput({})).toEqual({ limit: 50 })
    expect(auditListInput({ action: 'member.', person: '7d9f4a2e-0000-4000-8000-000000000000' })).toEqual({
      limit: 50,
      action: 'member.',
      actorUserId: '7d9f4a2e-0000-4000-8000-000000000000',
    })
  })
})
