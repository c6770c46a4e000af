/**
 * Swedish texts of signing in and out, passwords, roles and sessions ("Logga in", "Gå vidare som:",
 * "Byt till …", "Mina uppgifter", "Mina inloggningar"), spread into `sv.ts`. `identity.en.ts` must have
 * exactly these keys (`IdentityTranslation`).
 */
export const identitySv = {
  apiErrors: {
    ROLE_CHANGED: 'Du har bytt roll i en annan flik. Sidan laddas om med den roll du valde.',
    LINK_INVALID: 'Länken är ogiltig eller har redan använts. Be om en ny under ”Glömt/skapa nytt lösenord”.',
    LINK_EXPIRED: 'Länken har gått ut. Be om en ny under ”Glömt/skapa nytt lösenord”.',
    PASSWORD_TOO_COMMON:
      'Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna några ord i rad.',
    WRONG_PASSWORD: 'Det nuvarande lösenordet stämmer inte.',
    PASSWORD_CHANGE_THROTTLED:
      'Du har angett fel nuvarande lösenord för många gånger. Vänta en stund och försök igen.',
    USERNAME_TAKEN: 'Användarnamnet är upptaget. Välj ett annat.',
    ALREADY_EXISTS:
      'Det du försökte spara finns redan, kanske från en annan flik. Ladda om sidan och se efter.',
    END_DATE_PASSED: 'Slutdatumet måste vara i framtiden.',
    ALREADY_MEMBER: 'Personen finns redan i organisationen.',
    EMAIL_TAKEN: 'E-postadressen är användarnamn för ett annat konto. Ange en annan e-postadress.',
    INVITATION_NOT_FOUND:
      'Inbjudan finns inte längre. Den kan redan vara besvarad, eller återkallad av organisationen.',
    INVITATION_EXPIRED: 'Inbjudan har gått ut. Be organisationen att skicka den igen.',
    NO_ROLE_LEFT:
      'Personen har ingen annan roll. Be organisationens administratör att ta bort personen i stället.',
    MEMBER_NOT_FOUND: 'Personen finns inte i organisationen.',
    ORGANIZATION_NOT_FOUND: 'Organisationen finns inte.',
  },
  auth: {
    waitSeconds_one: '{{count}} sekund',
    waitSeconds_other: '{{count}} sekunder',
    waitMinutes_one: '{{count}} minut',
    waitMinutes_other: '{{count}} minuter',
    signInTitle: 'Logga in',
    username: 'Användarnamn',
    usernameHint: 'Ditt användarnamn är oftast din e-postadress.',
    password: 'Lösenord',
    signIn: 'Logga in',
    signingIn: 'Loggar in …',
    forgotLink: 'Glömt/skapa nytt lösenord',
    firstTime:
      'Första gången du loggar in väljer du ”Glömt/skapa nytt lösenord” för att skapa ditt lösenord.',
    usernameMissing: 'Ange ditt användarnamn.',
    passwordMissing: 'Ange ditt lösenord.',
    invalidCredentials: 'Fel användarnamn eller lösenord.',
    invalidInput: 'Ange användarnamn och lösenord.',
    throttled:
      'För många misslyckade inloggningar. Vänta {{wait}} och försök igen, eller skapa ett nytt lösenord under ”Glömt/skapa nytt lösenord”.',
    unavailable: 'Det gick inte att logga in just nu. Försök igen om en stund.',
    needsSignIn: 'Du behöver logga in för att se sidan.',
    noticeSignedOut: 'Du är utloggad.',
    noticeIdle_one:
      'Du har loggats ut eftersom du inte har använt portalen på {{count}} minut. Logga in igen för att fortsätta.',
    noticeIdle_other:
      'Du har loggats ut eftersom du inte har använt portalen på {{count}} minuter. Logga in igen för att fortsätta.',
    noticePasswordSaved: 'Ditt lösenord är sparat. Logga in med det nya lösenordet.',
    forgotTitle: 'Glömt/skapa nytt lösenord',
    forgotIntro:
      'Fyll i ditt användarnamn och tryck på Skicka. Du får då ett mejl med instruktioner för hur du skapar ett nytt lösenord.',
    forgotUsernameHint: 'Ditt användarnamn eller din e-postadress.',
    forgotUsernameMissing: 'Ange ditt användarnamn eller din e-postadress.',
    send: 'Skicka',
    sending: 'Skickar …',
    resetRequested:
      'Om det finns ett konto med det användarnamnet eller den e-postadressen har vi skickat ett mejl med en länk för att välja lösenord. Länken gäller i 60 minuter.',
    backToSignIn: 'Tillbaka till inloggningen',
    newPasswordTitle: 'Skapa nytt lösenord',
    choosePasswordTitle: 'Välj ditt lösenord',
    newPasswordFor: 'Lösenordet gäller användarnamnet {{username}}.',
    checkingLink: 'Kontrollerar länken …',
    linkProblemTitle: 'Länken går inte att använda',
    newPassword: 'Nytt lösenord',
    newPasswordHint:
      'Minst 12 tecken. Flera ord i rad går bra, till exempel en mening som du lätt kommer ihåg.',
    repeatPassword: 'Upprepa lösenordet',
    repeatMissing: 'Skriv lösenordet en gång till.',
    passwordsDiffer: 'Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.',
    newPasswordMissing: 'Ange ett nytt lösenord.',
    passwordTooShort: 'Lösenordet måste ha minst 12 tecken.',
    passwordTooLong: 'Lösenordet får ha högst 128 tecken.',
    savePassword: 'Spara lösenordet',
    passwordSavedSignedIn: 'Ditt lösenord är sparat och du är inloggad.',
  },
  session: {
    pairLabel: '{{role}} hos {{organization}}',
    account: 'Ditt konto',
    signIn: 'Logga in',
    signOut: 'Logga ut',
    signOutFailed: 'Det gick inte att logga ut just nu. Försök igen.',
    myDetails: 'Mina uppgifter',
    mySessions: 'Mina inloggningar',
    switchTo: 'Byt till …',
    switchFailed: 'Det gick inte att byta roll just nu. Försök igen.',
    switched: 'Du är nu {{pair}}.',
    chooseRoleLink: 'Välj roll',
    chooseTitle: 'Välj roll',
    chooseIntro:
      'Du har flera roller i Kundnav. Välj vilken du vill börja med. Du kan byta när som helst med ”Byt till …” överst på sidan.',
    continueAs: 'Gå vidare som:',
    pageFor: 'Sidan är till för {{roles}}.',
    switchRole: 'Byt roll',
    noRoleForPage:
      'Ingen av dina roller ger tillgång till sidan. Behöver du den, be administratören i din organisation om en sådan roll.',
    lastChosen: 'Senast vald',
    chooseFailed: 'Det gick inte att välja roll just nu. Försök igen.',
    noRoleTitle: 'Du har ingen roll än',
    noRoleText:
      'Du är inloggad, men du har ingen roll i någon organisation. Be administratören i din organisation att ge dig en roll och logga sedan in igen.',
    reloadNow: 'Ladda om sidan nu',
    idleTitle: 'Du loggas snart ut',
    idleText_one:
      'Du har inte använt portalen på en stund. Av säkerhetsskäl loggas du ut om {{count}} minut om du inte väljer att fortsätta.',
    idleText_other:
      'Du har inte använt portalen på en stund. Av säkerhetsskäl loggas du ut om {{count}} minuter om du inte väljer att fortsätta.',
    keepAlive: 'Fortsätt vara inloggad',
  },
  invitations: {
    title: 'Inbjudningar',
    intro:
      'Här svarar du på inbjudningar från organisationer som vill lägga till dig. Först när du har godkänt en inbjudan kan du arbeta i organisationen, och den ser dina uppgifter.',
    heading: 'Inbjudningar att svara på',
    none: 'Du har inga inbjudningar att svara på.',
    wantsToAdd: '{{organization}} vill lägga till dig som {{roles}}.',
    invitedBy: 'Inbjuden av {{name}}.',
    validUntil: 'Inbjudan gäller till och med {{date}}.',
    expired: 'Inbjudan gick ut {{date}}. Be organisationen skicka den igen om du vill gå med.',
    accept: 'Godkänn',
    accepting: 'Godkänner …',
    decline: 'Avböj',
    declining: 'Avböjer …',
    declineTitle: 'Avböja inbjudan från {{organization}}?',
    declineText:
      'Inbjudan försvinner och {{organization}} får ingen tillgång till dina uppgifter. Organisationen kan bjuda in dig igen senare.',
    accepted: 'Du är nu med i {{organization}}. Dina nya roller finns under ”Byt roll”.',
    declined: 'Du har avböjt inbjudan från {{organization}}.',
    failed: 'Det gick inte att svara på inbjudan just nu. Försök igen om en stund.',
    waiting_one: 'Du har en inbjudan att svara på.',
    waiting_other: 'Du har {{count}} inbjudningar att svara på.',
    waitingLink: 'Visa inbjudningar',
  },
  sessions: {
    title: 'Mina inloggningar',
    intro:
      'Här ser du var du är inloggad. Avsluta en inloggning som du inte känner igen, eller som är kvar på en dator du inte längre använder.',
    loading: 'Hämtar dina inloggningar …',
    caption: 'Pågående inloggningar',
    browser: 'Webbläsare',
    address: 'Adress',
    started: 'Startad',
    lastActive: 'Senast aktiv',
    action: 'Åtgärd',
    current: 'Den här inloggningen',
    browserOn: '{{browser}} på {{os}}',
    unknownBrowser: 'Okänd webbläsare',
    unknownAddress: 'Okänd adress',
    end: 'Avsluta',
    endContext: 'inloggningen i {{browser}}, startad {{started}}',
    confirmTitle: 'Avsluta inloggningen i {{browser}}?',
    confirmText:
      'Inloggningen startades {{started}} från adressen {{address}}. Den som använder den blir utloggad direkt.',
    confirmCurrent: 'Det är den här inloggningen, så du blir utloggad.',
    confirm: 'Ja, avsluta',
    ending: 'Avslutar …',
    ended: 'Inloggningen i {{browser}} är avslutad.',
    endFailed: 'Det gick inte att avsluta inloggningen just nu. Försök igen.',
  },
  me: {
    title: 'Mina uppgifter',
    loading: 'Hämtar dina uppgifter …',
    username: 'Användarnamn',
    email: 'E-postadress',
    readOnlyHint: 'Användarnamnet och e-postadressen ändras av administratören i din organisation.',
    detailsHeading: 'Namn, mobilnummer och språk',
    name: 'Namn',
    nameMissing: 'Ange ditt namn.',
    nameTooLong: 'Namnet får ha högst 200 tecken.',
    mobile: 'Mobilnummer (valfritt)',
    mobileHint: 'Till exempel 070-123 45 67.',
    mobileInvalid: 'Ange mobilnumret med siffror, till exempel 070-123 45 67.',
    language: 'Språk',
    languageHint:
      'Portalen visas på det här språket när du loggar in, och e-post och sms till dig skrivs på det.',
    save: 'Spara uppgifter',
    saved: 'Dina uppgifter är sparade.',
    passwordHeading: 'Byt lösenord',
    currentPassword: 'Nuvarande lösenord',
    currentPasswordMissing: 'Ange ditt nuvarande lösenord.',
    newPassword: 'Nytt lösenord',
    changePassword: 'Byt lösenord',
    passwordChanged: 'Ditt lösenord är bytt. Dina andra inloggningar har avslutats.',
  },
}

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** The shape `identity.en.ts` must have: exactly the Swedish keys, each a string. */
export type IdentityTranslation = Messages<typeof identitySv>
