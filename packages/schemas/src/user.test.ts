import { describe, expect, it } from 'vitest'
import { ZEmail, ZUsername } from './user.ts'

describe('user identifiers', () => {
  it('keeps e-mail addresses and usernames in lower case so letter case never makes a second account', () => {
    expect(ZEmail.parse(' Anna.Andersson@Region.SE ')).toBe('anna.andersson@region.se')
    expect(ZUsername.parse('TestBanken')).toBe('testbanken')
  })

  it('explains how to write an e-mail address', () => {
    expect(ZEmail.safeParse('anna').error?.issues[0]?.message).toMatch(/namn@exempel\.se/)
  })
})
