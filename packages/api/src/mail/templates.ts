/**
 * Every mail the portal sends, in each language a person can choose (`User.language`). The texts of all
 * languages sit in one typed structure, `mails: Record<Language, MailTexts>`, so a mail missing in one
 * language fails the typecheck; callers pass the recipient's language (Swedish for anyone without an
 * account). SMS texts follow the same pattern beside them: `interface SmsTexts` and
 * `const sms: Record<Language, SmsTexts>`, exported as `…Sms(language, input)`. No SMS carries a link.
 */
import { type Language, ROLE_LABELS, type Role } from '@kundnav/schemas'

export interface MailContent {
  subject: string
  text: string
}

export interface PasswordResetInput {
  name: string
  username: string
  link: string
}

export interface PasswordChangedInput {
  name: string
  username: string
  resetLink: string
}

export interface InvitationInput {
  name: string
  invitedBy: string
  organizationName: string
  roles: readonly Role[]
  username: string
  link: string
}

export interface MembershipInvitationInput {
  name: string
  invitedBy: string
  organizationName: string
  roles: readonly Role[]
  answerLink: string
  expiresAt: Date
}

export interface MobileChangedInput {
  name: string
  username: string
  /** The new verified number as the person wrote it, or null when it was removed. */
  mobile: string | null
  resetLink: string
}

/** What an order mail names: the order, what was ordered, and by whom. */
export interface OrderMailInput {
  name: string
  number: string
  offeringName: string
  organizationName: string
  link: string
}

/** Whose turn it is when an order mail asks someone to act. */
export type OrderTurn = 'AGENT_REVIEW' | 'PROVIDER_REVIEW'

export type OrderEnd = 'COMPLETED' | 'REJECTED' | 'CANCELLED' | 'WITHDRAWN'

/** One language's mails. */
interface MailTexts {
  /** "Glömt/skapa nytt lösenord": the set-password link, valid 60 minutes. */
  passwordReset(input: PasswordResetInput): MailContent
  /** After any change of password, with the way to a new one should it not have been them. */
  passwordChanged(input: PasswordChangedInput): MailContent
  /** A new account: choose your password here (link valid 7 days). */
  invitation(input: InvitationInput): MailContent
  /** An existing account is asked to join an organisation: answer in the portal. */
  membershipInvitation(input: MembershipInvitationInput): MailContent
  /** The verified mobile number was changed or removed: signing codes now go elsewhere, or nowhere. */
  mobileChanged(input: MobileChangedInput): MailContent
  /** An order waits for the recipient's organisation to review it (the agent, the provider). */
  orderTurn(input: OrderMailInput & { turn: OrderTurn }): MailContent
  /** An order waits for the recipient's attestation: the link is theirs, until `expiresAt`. */
  orderAttestation(input: OrderMailInput & { expiresAt: Date }): MailContent
  /** An order ended: to its orderer (with the reason when rejected or cancelled), or to its agent. */
  orderEnded(input: OrderMailInput & { end: OrderEnd; reason: string | null; toAgent: boolean }): MailContent
}

/** Dates in mails are days in Swedish time, written as each language writes them: "9 december 2026". */
const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Stockholm',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Stockholm',
  }),
}

function roleList(language: Language, roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role][language]).join(', ')
}

export const SIGNATURE: Record<Language, string> = {
  sv: '\n\nVänliga hälsningar\nKundnav\n\nDet här meddelandet skickades automatiskt och går inte att svara på.',
  en: '\n\nKind regards\nKundnav\n\nThis message was sent automatically; replies are not read.',
}

const ENDED_SV: Record<OrderEnd, string> = {
  COMPLETED: 'är klar',
  REJECTED: 'har avslagits',
  CANCELLED: 'har avbrutits',
  WITHDRAWN: 'har återkallats',
}

const ENDED_EN: Record<OrderEnd, string> = {
  COMPLETED: 'is complete',
  REJECTED: 'has been rejected',
  CANCELLED: 'has been cancelled',
  WITHDRAWN: 'has been withdrawn',
}

const mails: Record<Language, MailTexts> = {
  sv: {
    passwordReset: (input) => ({
      subject: 'Skapa nytt lösenord i Kundnav',
      text:
        `Hej ${input.name}!\n\n` +
        `Någon (förhoppningsvis du) bad om att få skapa ett nytt lösenord för användarnamnet ${input.username}.\n\n` +
        `Välj ditt lösenord här:\n${input.link}\n\n` +
        'Länken gäller i 60 minuter och kan bara användas en gång. Om du inte bad om detta kan du bortse från mejlet; ' +
        'ditt nuvarande lösenord gäller då som förut.' +
        SIGNATURE.sv,
    }),
    passwordChanged: (input) => ({
      subject: 'Ditt lösenord har ändrats',
      text:
        `Hej ${input.name}!\n\n` +
        `Lösenordet för användarnamnet ${input.username} i Kundnav har just ändrats, och alla dina andra inloggningar har avslutats.\n\n` +
        'Om det inte var du: välj ett nytt lösenord direkt under "Glömt/skapa nytt lösenord" och kontakta din administratör.\n' +
        input.resetLink +
        SIGNATURE.sv,
    }),
    invitation: (input) => ({
      subject: `Välkommen till Kundnav – ${input.organizationName}`,
      text:
        `Hej ${input.name}!\n\n` +
        `${input.invitedBy} har lagt till dig i ${input.organizationName} i Kundnav, med rollen ${roleList('sv', input.roles)}.\n\n` +
        `Ditt användarnamn är: ${input.username}\n\n` +
        `Välj ditt lösenord här för att logga in första gången:\n${input.link}\n\n` +
        'Länken gäller i 7 dagar. Har den hunnit gå ut använder du "Glömt/skapa nytt lösenord" på inloggningssidan.' +
        SIGNATURE.sv,
    }),
    membershipInvitation: (input) => ({
      subject: `${input.organizationName} vill lägga till dig i Kundnav`,
      text:
        `Hej ${input.name}!\n\n` +
        `${input.invitedBy} på ${input.organizationName} vill lägga till dig som ${roleList('sv', input.roles)}.\n\n` +
        `Logga in och svara på inbjudan – Godkänn eller Avböj:\n${input.answerLink}\n\n` +
        `Inbjudan gäller till och med ${DATE_FORMATS.sv.format(input.expiresAt)}. ` +
        'Om du inte känner till organisationen kan du avböja eller bortse från mejlet.' +
        SIGNATURE.sv,
    }),
    mobileChanged: (input) => ({
      subject: input.mobile ? 'Ditt mobilnummer har ändrats' : 'Ditt mobilnummer har tagits bort',
      text:
        `Hej ${input.name}!\n\n` +
        (input.mobile
          ? `Mobilnumret för användarnamnet ${input.username} i Kundnav är nu ${input.mobile}. Koder för att signera skickas dit från och med nu.\n\n`
          : `Mobilnumret för användarnamnet ${input.username} i Kundnav har tagits bort. Inga koder för att signera skickas längre med SMS.\n\n`) +
        'Om det inte var du: välj ett nytt lösenord direkt under "Glömt/skapa nytt lösenord" och kontakta din administratör.\n' +
        input.resetLink +
        SIGNATURE.sv,
    }),
    orderTurn: (input) => ({
      subject: `Beställning ${input.number} väntar på er`,
      text:
        `Hej ${input.name}!\n\n` +
        `${input.organizationName} har beställt ${input.offeringName} (${input.number}).\n\n` +
        (input.turn === 'AGENT_REVIEW'
          ? 'Beställningen väntar på er som agent: granska den och skicka den vidare till er attestant, eller avslå den.\n\n'
          : 'Beställningen är attesterad och väntar på granskning: godkänn eller avslå den.\n\n') +
        `Öppna beställningen:\n${input.link}` +
        SIGNATURE.sv,
    }),
    orderAttestation: (input) => ({
      subject: `Attestera beställning ${input.number}`,
      text:
        `Hej ${input.name}!\n\n` +
        `Du har valts som attestant för ${input.organizationName}s beställning av ${input.offeringName} (${input.number}).\n\n` +
        'Öppna beställningen, kontrollera den och attestera med en kod som skickas med SMS till ditt mobilnummer – eller avbryt den med en motivering. ' +
        `Länken gäller till och med ${DATE_FORMATS.sv.format(input.expiresAt)} eller tills beställningen har gått vidare.\n\n` +
        `${input.link}` +
        SIGNATURE.sv,
    }),
    orderEnded: (input) => ({
      subject: `Beställning ${input.number} ${ENDED_SV[input.end]}`,
      text:
        `Hej ${input.name}!\n\n` +
        `Beställningen ${input.number} av ${input.offeringName} för ${input.organizationName} ${ENDED_SV[input.end]}.\n\n` +
        (input.reason ? `Motivering: ${input.reason}\n\n` : '') +
        (input.end === 'COMPLETED' && input.toAgent
          ? 'Ni kan nu påbörja den tekniska anslutningen.\n\n'
          : input.end === 'REJECTED' || input.end === 'CANCELLED'
            ? 'Du kan börja en ny beställning från den med "Beställ igen".\n\n'
            : '') +
        `Öppna beställningen:\n${input.link}` +
        SIGNATURE.sv,
    }),
  },
  en: {
    passwordReset: (input) => ({
      subject: 'Create a new password in Kundnav',
      text:
        `Hello ${input.name},\n\n` +
        `Someone (hopefully you) asked to create a new password for the username ${input.username}.\n\n` +
        `Choose your password here:\n${input.link}\n\n` +
        'The link is valid for 60 minutes and can be used only once. If you did not ask for this, you can ignore ' +
        'this e-mail; your current password then stays as it is.' +
        SIGNATURE.en,
    }),
    passwordChanged: (input) => ({
      subject: 'Your password has been changed',
      text:
        `Hello ${input.name},\n\n` +
        `The password for the username ${input.username} in Kundnav has just been changed, and all your other logins have been ended.\n\n` +
        'If it was not you: choose a new password at once under "Forgotten/create new password" and contact your administrator.\n' +
        input.resetLink +
        SIGNATURE.en,
    }),
    invitation: (input) => ({
      subject: `Welcome to Kundnav – ${input.organizationName}`,
      text:
        `Hello ${input.name},\n\n` +
        `${input.invitedBy} has added you to ${input.organizationName} in Kundnav, with the role ${roleList('en', input.roles)}.\n\n` +
        `Your username is: ${input.username}\n\n` +
        `Choose your password here to log in for the first time:\n${input.link}\n\n` +
        'The link is valid for 7 days. If it has expired, use "Forgotten/create new password" on the login page.' +
        SIGNATURE.en,
    }),
    membershipInvitation: (input) => ({
      subject: `${input.organizationName} would like to add you in Kundnav`,
      text:
        `Hello ${input.name},\n\n` +
        `${input.invitedBy} at ${input.organizationName} would like to add you as ${roleList('en', input.roles)}.\n\n` +
        `Log in and answer the invitation – Accept or Decline:\n${input.answerLink}\n\n` +
        `The invitation is valid until and including ${DATE_FORMATS.en.format(input.expiresAt)}. ` +
        'If you do not know the organisation, you can decline it or ignore this e-mail.' +
        SIGNATURE.en,
    }),
    mobileChanged: (input) => ({
      subject: input.mobile ? 'Your mobile number has been changed' : 'Your mobile number has been removed',
      text:
        `Hello ${input.name},\n\n` +
        (input.mobile
          ? `The mobile number for the username ${input.username} in Kundnav is now ${input.mobile}. Codes for signing are sent there from now on.\n\n`
          : `The mobile number for the username ${input.username} in Kundnav has been removed. No more codes for signing are sent by SMS.\n\n`) +
        'If it was not you: choose a new password at once under "Forgotten/create new password" and contact your administrator.\n' +
        input.resetLink +
        SIGNATURE.en,
    }),
    orderTurn: (input) => ({
      subject: `Order ${input.number} is waiting for you`,
      text:
        `Hello ${input.name},\n\n` +
        `${input.organizationName} has ordered ${input.offeringName} (${input.number}).\n\n` +
        (input.turn === 'AGENT_REVIEW'
          ? 'The order is waiting for you as the agent: review it and forward it to your attestant, or reject it.\n\n'
          : 'The order has been attested and is waiting for review: approve or reject it.\n\n') +
        `Open the order:\n${input.link}` +
        SIGNATURE.en,
    }),
    orderAttestation: (input) => ({
      subject: `Attest order ${input.number}`,
      text:
        `Hello ${input.name},\n\n` +
        `You have been chosen to attest ${input.organizationName}'s order of ${input.offeringName} (${input.number}).\n\n` +
        'Open the order, check it and attest it with a code sent by SMS to your mobile number – or cancel it, giving a reason. ' +
        `The link is valid until and including ${DATE_FORMATS.en.format(input.expiresAt)} or until the order has moved on.\n\n` +
        `${input.link}` +
        SIGNATURE.en,
    }),
    orderEnded: (input) => ({
      subject: `Order ${input.number} ${ENDED_EN[input.end]}`,
      text:
        `Hello ${input.name},\n\n` +
        `The order ${input.number} of ${input.offeringName} for ${input.organizationName} ${ENDED_EN[input.end]}.\n\n` +
        (input.reason ? `Reason: ${input.reason}\n\n` : '') +
        (input.end === 'COMPLETED' && input.toAgent
          ? 'You can now start the technical connection.\n\n'
          : input.end === 'REJECTED' || input.end === 'CANCELLED'
            ? 'You can start a new order from it with "Order again".\n\n'
            : '') +
        `Open the order:\n${input.link}` +
        SIGNATURE.en,
    }),
  },
}

export function passwordResetMail(language: Language, input: PasswordResetInput): MailContent {
  return mails[language].passwordReset(input)
}

export function passwordChangedMail(language: Language, input: PasswordChangedInput): MailContent {
  return mails[language].passwordChanged(input)
}

export function invitationMail(language: Language, input: InvitationInput): MailContent {
  return mails[language].invitation(input)
}

export function membershipInvitationMail(language: Language, input: MembershipInvitationInput): MailContent {
  return mails[language].membershipInvitation(input)
}

export function mobileChangedMail(language: Language, input: MobileChangedInput): MailContent {
  return mails[language].mobileChanged(input)
}

/** What a step-up code is for, as its SMS names it. */
export type StepUpDescription =
  | { purpose: 'password.change' }
  | { purpose: 'mobile.verify' }
  | { purpose: 'order.attest'; orderNumber: string }

/** One language's SMS. */
interface SmsTexts {
  /** "Kod 123456 för att attestera beställning B-2026-000123 i Kundnav": the code and what it signs, no link. */
  stepUpCode(input: { code: string; description: StepUpDescription; validMinutes: number }): string
}

const sms: Record<Language, SmsTexts> = {
  sv: {
    stepUpCode: ({ code, description, validMinutes }) => {
      const what =
        description.purpose === 'password.change'
          ? 'byta lösenord'
          : description.purpose === 'mobile.verify'
            ? 'verifiera ditt mobilnummer'
            : `attestera beställning ${description.orderNumber}`
      return `Kod ${code} för att ${what} i Kundnav. Koden gäller i ${validMinutes} minuter. Lämna aldrig ut den.`
    },
  },
  en: {
    stepUpCode: ({ code, description, validMinutes }) => {
      const what =
        description.purpose === 'password.change'
          ? 'change your password'
          : description.purpose === 'mobile.verify'
            ? 'verify your mobile number'
            : `attest order ${description.orderNumber}`
      return `Code ${code} to ${what} in Kundnav. The code is valid for ${validMinutes} minutes. Never share it.`
    },
  },
}

export function stepUpCodeSms(
  language: Language,
  input: { code: string; description: StepUpDescription; validMinutes: number },
): string {
  return sms[language].stepUpCode(input)
}

export function orderTurnMail(language: Language, input: OrderMailInput & { turn: OrderTurn }): MailContent {
  return mails[language].orderTurn(input)
}

export function orderAttestationMail(
  language: Language,
  input: OrderMailInput & { expiresAt: Date },
): MailContent {
  return mails[language].orderAttestation(input)
}

export function orderEndedMail(
  language: Language,
  input: OrderMailInput & { end: OrderEnd; reason: string | null; toAgent: boolean },
): MailContent {
  return mails[language].orderEnded(input)
}
