import { describe, expect, it } from 'vitest'
import { formatFileSize } from './case-format.ts'

describe('formatFileSize', () => {
  it('says bytes, kilobytes and megabytes as Swedes and Britons write them', () => {
    expect(formatFileSize(830)).toBe('830 byte')
    expect(formatFileSize(830, 'en')).toBe('830 bytes')
    expect(formatFileSize(1, 'en')).toBe('1 byte')
    expect(formatFileSize(12_345)).toBe('12 kB')
    expect(formatFileSize(4_404_019)).toBe('4,2 MB')
    expect(formatFileSize(4_404_019, 'en')).toBe('4.2 MB')
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 MB')
  })
})
