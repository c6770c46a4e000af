import { describe, expect, it } from 'vitest'
import { caseMail } from './case-templates.ts'

const input = {
  name: 'Bertil Beställare',
  number: '2026-000123',
  subject: 'Anställningsbeslut',
  topic: 'Lön → Beslut/Underlag',
  link: 'http://portal.test/arenden/1',
}

describe('case mails', () => {
  it('send the receipt with the case number in the reporter’s language, saying when it came by phone', () => {
    const sv = caseMail('sv', 'caseReceived', { ...input, byPhone: false })
    expect(sv.subject).toBe('Ärende 2026-000123 har tagits emot')
    expect(sv.text).toContain('Det har ärendenummer 2026-000123.')
    expect(sv.text).toContain('Område: Lön → Beslut/Underlag\nÄmne: Anställningsbeslut')
    expect(sv.text).toContain('under Mina ärenden:\nhttp://portal.test/arenden/1')
    expect(caseMail('sv', 'caseReceived', { ...input, byPhone: true }).text).toContain('från telefonsamtalet')
    const en = caseMail('en', 'caseReceived', { ...input, byPhone: false })
    expect(en.subject).toBe('Case 2026-000123 has been received')
    expect(en.text).toContain('Its case number is 2026-000123.')
  })

  it('name the status with the seed’s words and carry the answer when closed', () => {
    expect(caseMail('sv', 'caseStatus', { ...input, status: 'IN_PROGRESS' }).subject).toBe(
      'Ärende 2026-000123: Under bearbetning',
    )
    expect(caseMail('en', 'caseStatus', { ...input, status: 'IN_PROGRESS' }).subject).toBe(
      'Case 2026-000123: In process (Under bearbetning)',
    )
    const closed = caseMail('sv', 'caseClosed', { ...input, answer: 'Beslutet är registrerat.' })
    expect(closed.subject).toBe('Ärende 2026-000123 är avslutat')
    expect(closed.text).toContain('Svaret:\n\nBeslutet är registrerat.')
    expect(caseMail('en', 'caseMessage', { ...input, body: 'Which month?' }).text).toContain('Which month?')
  })
})
