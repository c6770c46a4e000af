import { describe, expect, it } from 'vitest'
import {
  invitationMail,
  membershipInvitationMail,
  mobileChangedMail,
  orderAttestationMail,
  orderEndedMail,
  orderTurnMail,
  passwordChangedMail,
  passwordResetMail,
  stepUpCodeSms,
} from './templates.ts'

const invitation = {
  name: 'Ida Idasson',
  invitedBy: 'Anna Andersson',
  organizationName: 'Region Norrby',
  roles: ['ORDERER', 'ATTESTER'] as const,
}

describe('mail texts', () => {
  it('asks an existing account to join, with the roles and the last day in each language, in Swedish time', () => {
    // 23:30 UTC on 9 December is already 10 December in Stockholm.
    const input = {
      ...invitation,
      answerLink: 'http://portal.test/inbjudningar',
      expiresAt: new Date('2026-12-09T23:30:00Z'),
    }
    const sv = membershipInvitationMail('sv', input)
    expect(sv.subject).toBe('Region Norrby vill lägga till dig i Kundnav')
    expect(sv.text).toContain(
      'Anna Andersson på Region Norrby vill lägga till dig som Beställare, Attestant.',
    )
    expect(sv.text).toContain('Godkänn eller Avböj:\nhttp://portal.test/inbjudningar')
    expect(sv.text).toContain('Inbjudan gäller till och med 10 december 2026.')
    expect(sv.text).toContain('Om du inte känner till organisationen kan du avböja eller bortse från mejlet.')

    const en = membershipInvitationMail('en', input)
    expect(en.subject).toBe('Region Norrby would like to add you in Kundnav')
    expect(en.text).toContain('Anna Andersson at Region Norrby would like to add you as Orderer, Approver.')
    expect(en.text).toContain('Accept or Decline:\nhttp://portal.test/inbjudningar')
    expect(en.text).toContain('valid until and including 10 December 2026.')
  })

  it('names the roles of a new account in its language', () => {
    const input = { ...invitation, username: 'ida', link: 'http://portal.test/nytt-losenord?token=t' }
    expect(invitationMail('sv', input).text).toContain('med rollen Beställare, Attestant.')
    expect(invitationMail('en', input).text).toContain('with the role Orderer, Approver.')
    expect(invitationMail('en', input).text).toContain('valid for 7 days')
  })

  it('has every mail in both languages, each with its link', () => {
    const reset = { name: 'Ida', username: 'ida', link: 'http://portal.test/nytt-losenord?token=t' }
    const changed = { name: 'Ida', username: 'ida', resetLink: 'http://portal.test/glomt-losenord' }
    expect(passwordResetMail('sv', reset).subject).toBe('Skapa nytt lösenord i Kundnav')
    expect(passwordResetMail('en', reset).subject).toBe('Create a new password in Kundnav')
    expect(passwordResetMail('en', reset).text).toContain(reset.link)
    expect(passwordChangedMail('sv', changed).subject).toBe('Ditt lösenord har ändrats')
    expect(passwordChangedMail('en', changed).subject).toBe('Your password has been changed')
    expect(passwordChangedMail('en', changed).text).toContain(changed.resetLink)
  })

  it('tells of a changed or removed mobile number in each language, with the way out if it was not them', () => {
    const input = { name: 'Ida', username: 'ida', resetLink: 'http://portal.test/glomt-losenord' }
    expect(mobileChangedMail('sv', { ...input, mobile: '+46701234567' })).toMatchObject({
      subject: 'Ditt mobilnummer har ändrats',
      text: expect.stringContaining('+46701234567'),
    })
    expect(mobileChangedMail('en', { ...input, mobile: null }).subject).toBe(
      'Your mobile number has been removed',
    )
    expect(mobileChangedMail('en', { ...input, mobile: null }).text).toContain(input.resetLink)
  })

  it('mails each turn of an order with a link straight to it, in each language', () => {
    const order = {
      name: 'Erik',
      number: 'B-2026-000123',
      offeringName: 'Webcert Integrerad – via agent',
      organizationName: 'Region Norrby',
      link: 'http://portal.test/bestallningar/o-1',
    }
    expect(orderTurnMail('sv', { ...order, turn: 'AGENT_REVIEW' })).toMatchObject({
      subject: 'Beställning B-2026-000123 väntar på er',
      text: expect.stringContaining(order.link),
    })
    expect(orderTurnMail('en', { ...order, turn: 'PROVIDER_REVIEW' }).text).toContain('approve or reject')
    const attest = orderAttestationMail('sv', { ...order, expiresAt: new Date('2026-12-31T12:00:00Z') })
    expect(attest.subject).toBe('Attestera beställning B-2026-000123')
    expect(attest.text).toContain('31 december 2026')
    const rejected = orderEndedMail('sv', {
      ...order,
      end: 'REJECTED',
      reason: 'Inget avtal.',
      toAgent: false,
    })
    expect(rejected.subject).toBe('Beställning B-2026-000123 har avslagits')
    expect(rejected.text).toContain('Motivering: Inget avtal.')
    expect(rejected.text).toContain('Beställ igen')
    const done = orderEndedMail('en', { ...order, end: 'COMPLETED', reason: null, toAgent: true })
    expect(done.subject).toBe('Order B-2026-000123 is complete')
    expect(done.text).toContain('technical connection')
  })

  it('writes step-up codes without a link, naming what is signed', () => {
    const text = stepUpCodeSms('sv', {
      code: '123456',
      description: { purpose: 'order.attest', orderNumber: 'B-2026-000123' },
      validMinutes: 10,
    })
    expect(text).toBe(
      'Kod 123456 för att attestera beställning B-2026-000123 i Kundnav. Koden gäller i 10 minuter. Lämna aldrig ut den.',
    )
    expect(
      stepUpCodeSms('en', { code: '654321', description: { purpose: 'password.change' }, validMinutes: 10 }),
    ).toMatch(/^Code 654321 to change your password in Kundnav\./)
  })
})
