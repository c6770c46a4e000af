import { ROLE_LABELS, type Role } from '@kundnav/schemas'

export interface MailContent {
  subject: string
  text: string
}

const SIGNATURE =
  '\n\nVänliga hälsningar\nKundnav\n\nDet här meddelandet skickades automatiskt och går inte att svara på.'

function roleList(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role].sv).join(', ')
}

export function passwordResetMail(input: { name: string; username: string; link: string }): MailContent {
  return {
    subject: 'Skapa nytt lösenord i Kundnav',
    text:
      `Hej ${input.name}!\n\n` +
      `Någon (förhoppningsvis du) bad om att få skapa ett nytt lösenord för användarnamnet ${input.username}.\n\n` +
      `Välj ditt lösenord här:\n${input.link}\n\n` +
      'Länken gäller i 60 minuter och kan bara användas en gång. Om du inte bad om detta kan du bortse från mejlet; ' +
      'ditt nuvarande lösenord gäller då som förut.' +
      SIGNATURE,
  }
}

export function passwordChangedMail(input: {
  name: string
  username: string
  resetLink: string
}): MailContent {
  return {
    subject: 'Ditt lösenord har ändrats',
    text:
      `Hej ${input.name}!\n\n` +
      `Lösenordet för användarnamnet ${input.username} i Kundnav har just ändrats, och alla dina andra inloggningar har avslutats.\n\n` +
      'Om det inte var du: välj ett nytt lösenord direkt under "Glömt/skapa nytt lösenord" och kontakta din administratör.\n' +
      `${input.resetLink}` +
      SIGNATURE,
  }
}

export function invitationMail(input: {
  name: string
  invitedBy: string
  organizationName: string
  roles: readonly Role[]
  username: string
  link: string
}): MailContent {
  return {
    subject: `Välkommen till Kundnav – ${input.organizationName}`,
    text:
      `Hej ${input.name}!\n\n` +
      `${input.invitedBy} har lagt till dig i ${input.organizationName} i Kundnav, med rollen ${roleList(input.roles)}.\n\n` +
      `Ditt användarnamn är: ${input.username}\n\n` +
      `Välj ditt lösenord här för att logga in första gången:\n${input.link}\n\n` +
      'Länken gäller i 7 dagar. Har den hunnit gå ut använder du "Glömt/skapa nytt lösenord" på inloggningssidan.' +
      SIGNATURE,
  }
}

export function addedToOrganizationMail(input: {
  name: string
  invitedBy: string
  organizationName: string
  roles: readonly Role[]
  username: string
  loginLink: string
}): MailContent {
  return {
    subject: `Du har lagts till i ${input.organizationName}`,
    text:
      `Hej ${input.name}!\n\n` +
      `${input.invitedBy} har lagt till dig i ${input.organizationName} i Kundnav, med rollen ${roleList(input.roles)}.\n\n` +
      `Logga in som vanligt med användarnamnet ${input.username} och välj ${input.organizationName} under "Gå vidare som:".\n` +
      `${input.loginLink}` +
      SIGNATURE,
  }
}
