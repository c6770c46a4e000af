import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { queuesSv } from '../i18n/queues.sv.ts'
import { describeWaited } from './waited.ts'

const now = new Date('2026-11-22T13:05:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('describeWaited', () => {
  const t = i18next.createInstance()
  beforeAll(async () => {
    await t.init({
      lng: 'sv',
      resources: { sv: { translation: queuesSv } },
      interpolation: { escapeValue: false },
    })
  })

  it('says the largest whole unit, rounded down', () => {
    expect(describeWaited(t.t, ago(47 * 3_600_000), now)).toBe('1 dag')
    expect(describeWaited(t.t, ago(3 * 86_400_000 + 5_000), now)).toBe('3 dagar')
    expect(describeWaited(t.t, ago(5 * 3_600_000 + 59 * 60_000), now)).toBe('5 timmar')
    expect(describeWaited(t.t, ago(60 * 60_000), now)).toBe('1 timme')
    expect(describeWaited(t.t, ago(12 * 60_000 + 30_000), now)).toBe('12 minuter')
    expect(describeWaited(t.t, ago(60_000), now)).toBe('1 minut')
  })

  it('says less than a minute for under a minute, and for a clock slightly ahead of the browser', () => {
    expect(describeWaited(t.t, ago(59_000), now)).toBe('mindre än en minut')
    expect(describeWaited(t.t, ago(-5_000), now)).toBe('mindre än en minut')
  })

  it('takes the instant as an answer carries it (an ISO string)', () => {
    expect(describeWaited(t.t, ago(2 * 86_400_000).toISOString(), now)).toBe('2 dagar')
  })
})
