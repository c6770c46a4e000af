import { adminSv } from './admin.sv.ts'
import { casesSv } from './cases.sv.ts'
import { identitySv } from './identity.sv.ts'
import { ordersSv } from './orders.sv.ts'
import { queuesSv } from './queues.sv.ts'
import { supportCasesSv } from './support-cases.sv.ts'

/**
 * The Swedish texts that come with the page: all but those of the administration pages (`admin.sv.ts`),
 * of ordering (`orders.sv.ts`) and of the order queues (`queues.sv.ts`), which those pages' routes fetch
 * first (`loadAdminTexts`, `loadOrderTexts` and `loadQueueTexts` in i18n.ts).
 */
export const svWithPage = {
  ...identitySv,
  shell: {
    portalName: 'Kundnav',
    skipLink: 'Hoppa till innehållet',
    mainNav: 'Huvudmeny',
    navStart: 'Start',
    navMembers: 'Medlemmar',
    navAuditLog: 'Logg',
    navCaseOfficers: 'Registrera handläggare',
    navSupport: 'Support: Ansvarig',
    navSupportCases: 'Ärenden',
    navOrder: 'Beställ',
    navOrders: 'Mina beställningar',
    navCatalogue: 'Priser och villkor',
    navAgentOrders: 'Agentuppdrag',
    navReviewQueue: 'Granska beställningar',
    navCases: 'Mina ärenden',
    footerAbout: 'Kundnav är en kundportal med öppen källkod.',
    devMailbox: 'Utvecklingsbrevlåda',
    pageTitle: '{{title}} – Kundnav',
  },
  common: {
    loading: 'Hämtar …',
    retry: 'Försök igen',
    backToStart: 'Gå till startsidan',
    loadFailed: 'Vi kunde inte hämta uppgifterna just nu. Försök igen om en stund.',
    forbiddenHeading: 'Du har inte tillgång till sidan',
    errorSummaryTitle: 'Det finns fel i formuläret',
    save: 'Spara',
    saving: 'Sparar …',
    saveFailed: 'Det gick inte att spara just nu. Försök igen om en stund.',
    errorCode: 'Ange felkod {{code}} om du kontaktar supporten.',
    cancel: 'Avbryt',
    showMore: 'Visa fler',
  },
  /** The fields that register a person (src/components/person-fields.tsx). */
  person: {
    name: 'Namn',
    email: 'E-post',
    username: 'Användarnamn',
  },
  portal: {
    title: 'Välkommen till Kundnav',
    intro:
      'Kundnav är portalen där ni beställer tjänster, följer era ärenden och hanterar vilka i er organisation som har tillgång.',
    loading: 'Hämtar uppgifter om portalen …',
    providerHeading: 'Portalen drivs av',
    providerName: 'Organisation',
    providerOrgNumber: 'Organisationsnummer',
    customers: 'Kundorganisationer',
    customerCount_one: '{{count}} ansluten kundorganisation',
    customerCount_other: '{{count}} anslutna kundorganisationer',
    noProvider: 'Ingen organisation driver portalen än.',
    demoHeading: 'Det här är en demoversion',
    demoText:
      'Uppgifterna i portalen är påhittade. E-post och sms skickas inte på riktigt, utan hamnar i utvecklingsbrevlådan.',
    demoMailboxLink: 'Öppna utvecklingsbrevlådan',
  },
  devMailbox: {
    title: 'Utvecklingsbrevlåda',
    intro:
      'Här hamnar e-post och sms som portalen skickar när den körs utan e-postserver, till exempel länkar för att välja lösenord.',
    filterLegend: 'Filtrera meddelanden',
    recipientLabel: 'Mottagare',
    recipientHint: 'Hela eller en del av e-postadressen eller telefonnumret.',
    filterSubmit: 'Filtrera',
    filterClear: 'Visa alla meddelanden',
    filteredBy: 'Visar meddelanden till mottagare som innehåller ”{{recipient}}”.',
    loading: 'Hämtar meddelanden …',
    empty: 'Inga meddelanden än.',
    emptyHint:
      'Meddelanden visas här när portalen skickar e-post eller sms, till exempel när någon begär ett nytt lösenord.',
    emptyFiltered: 'Inga meddelanden till mottagare som innehåller ”{{recipient}}”.',
    listLabel: 'Meddelanden',
    channelEmail: 'E-post',
    channelSms: 'Sms',
    smsSubject: 'Sms till {{recipient}}',
    recipient: 'Till',
    sentAt: 'Skickat',
    createdAt: 'Skapat',
    channel: 'Typ',
    loadingMore: 'Hämtar fler meddelanden …',
    noMore: 'Det finns inga fler meddelanden.',
    notAvailableHeading: 'Brevlådan finns bara i demoläge',
    notAvailableText:
      'Den här servern körs inte i demoläge, så e-post och sms skickas på riktigt och sparas inte här.',
  },
  notFound: {
    title: 'Sidan finns inte',
    text: 'Kontrollera att adressen är rätt stavad. Om du följde en länk kan sidan ha flyttats eller tagits bort.',
  },
  errorPage: {
    title: 'Något gick fel',
    text: 'Sidan kunde inte visas på grund av ett tekniskt fel. Försök igen, eller gå till startsidan.',
  },
}

/**
 * Swedish — the default language and the source of truth for which texts exist. Every key here must also
 * be in `en.ts`; TypeScript enforces that through the `Messages` type, and `messages.test.ts` checks it at
 * run time too. Plural forms use i18next's `_one` / `_other` suffixes.
 */
// Marked pure so that a bundle using only svWithPage leaves the administration texts out.
// (Object.assign is typed for at most three sources; more would make `sv` untyped, hence the nesting.)
export const sv = /* @__PURE__ */ Object.assign(
  {},
  /* @__PURE__ */ Object.assign({}, adminSv, supportCasesSv),
  /* @__PURE__ */ Object.assign({}, ordersSv, queuesSv, casesSv),
  svWithPage,
)

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** The shape every language must have: exactly the Swedish keys, each a string. */
export type Translation = Messages<typeof sv>
