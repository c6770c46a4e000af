/**
 * Swedish texts of the order queues: the agent's "Agentuppdrag" → "Hantera beställningar" (seed 004 step 4)
 * and the provider's "Granska beställningar", spread into `sv.ts`. Those routes' loaders fetch them first
 * (`loadQueueTexts` in i18n.ts). `queues.en.ts` must have exactly these keys (`QueuesTranslation`).
 */
export const queuesSv = {
  queues: {
    filterLegend: 'Filtrera beställningarna',
    offeringLabel: 'Erbjudande',
    allOfferings: 'Alla erbjudanden',
    allCustomers: 'Alla kunder',
    allOrganizations: 'Alla organisationer',
    statusLabel: 'Status',
    allStatuses: 'Alla statusar',
    showLabel: 'Visa',
    filterSubmit: 'Filtrera',
    number: 'Beställningsnummer',
    customer: 'Kund',
    organization: 'Organisation',
    offering: 'Tjänst och erbjudande',
    submittedAt: 'Inskickad',
    waitingSince: 'Väntar sedan',
    state: 'Läge',
    submittedBy: 'av {{name}}',
    waitedFor: 'har väntat {{duration}}',
    waitingFor: 'Väntar på {{name}}',
    lessThanAMinute: 'mindre än en minut',
    minutes_one: '{{count}} minut',
    minutes_other: '{{count}} minuter',
    hours_one: '{{count}} timme',
    hours_other: '{{count}} timmar',
    days_one: '{{count}} dag',
    days_other: '{{count}} dagar',
    statuses: {
      SUBMITTED: 'Inskickad',
      COMPLETED: 'Klar',
      REJECTED: 'Avslagen',
      CANCELLED: 'Avbruten',
      WITHDRAWN: 'Återkallad',
    },
    agentOrders: {
      section: 'Agentuppdrag',
      title: 'Hantera beställningar',
      intro:
        'Här är kundernas beställningar som väntar på att ni som agent hanterar dem, den som har väntat längst först. Bocka i de beställningar du ska hantera och öppna dem i tur och ordning. På beställningens sida kontrollerar du den och väljer att gå vidare eller att avslå den.',
      forbidden:
        'Sidan är till för agenter (systemleverantörer). Er organisation är inte agent i Kundnav, så här finns inga beställningar att hantera. Ska ni bli agent kontaktar ni supporten.',
      showWaiting: 'Beställningar som väntar på er',
      showAll: 'Alla beställningar till er',
      tableCaption: 'Beställningar att hantera',
      tableCaptionAll: 'Alla beställningar till er',
      mark: 'Markera',
      markOrder: 'Markera {{number}} för hantering',
      markedCount_one: '{{count}} beställning markerad.',
      markedCount_other: '{{count}} beställningar markerade.',
      noneMarked: 'Ingen beställning är markerad.',
      openNext: 'Öppna nästa markerade ({{number}})',
      openInTab: 'Öppna {{number}} i ny flik',
      clearMarks: 'Ta bort markeringarna',
      loading: 'Hämtar beställningarna …',
      loadingMore: 'Hämtar fler beställningar …',
      noMore: 'Det finns inga fler beställningar.',
      empty: 'Inga beställningar väntar på er just nu.',
      emptyHint:
        'När en kund skickar en beställning där ni är agent får ni ett mejl, och beställningen visas här.',
      emptyAll: 'Ingen kund har skickat en beställning till er än.',
      emptyFiltered: 'Inga beställningar av det valda erbjudandet. Välj ”Alla erbjudanden” för att se alla.',
      emptyFilteredCustomer: 'Inga beställningar från den valda kunden. Välj ”Alla kunder” för att se alla.',
      emptyFilteredStatus: 'Inga beställningar med den valda statusen. Välj ”Alla statusar” för att se alla.',
      emptyFilteredSeveral: 'Inga beställningar stämmer med det du har valt. Ändra filtret för att se fler.',
    },
    reviewQueue: {
      title: 'Granska beställningar',
      intro:
        'Här är beställningarna som väntar på er granskning, den som har väntat längst först. Öppna en beställning för att kontrollera den och godkänna eller avslå den.',
      forbidden: 'Sidan är för leverantörens granskare. Har du rollen Granskare kan du byta till den.',
      showWaiting: 'Beställningar som väntar på granskning',
      showAll: 'Alla beställningar',
      tableCaption: 'Beställningar att granska',
      tableCaptionAll: 'Alla beställningar',
      loading: 'Hämtar beställningarna …',
      loadingMore: 'Hämtar fler beställningar …',
      noMore: 'Det finns inga fler beställningar.',
      empty: 'Inga beställningar väntar på granskning just nu.',
      emptyHint: 'När en beställning är klar för er granskning visas den här.',
      emptyAll: 'Det finns inga beställningar än.',
      emptyFiltered: 'Inga beställningar av det valda erbjudandet. Välj ”Alla erbjudanden” för att se alla.',
      emptyFilteredOrganization:
        'Inga beställningar från den valda organisationen. Välj ”Alla organisationer” för att se alla.',
      emptyFilteredStatus: 'Inga beställningar med den valda statusen. Välj ”Alla statusar” för att se alla.',
      emptyFilteredSeveral: 'Inga beställningar stämmer med det du har valt. Ändra filtret för att se fler.',
    },
  },
}

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** The shape `queues.en.ts` must have: exactly the Swedish keys, each a string. */
export type QueuesTranslation = Messages<typeof queuesSv>
