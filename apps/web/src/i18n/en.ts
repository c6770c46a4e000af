import { adminEn } from './admin.en.ts'
import { casesEn } from './cases.en.ts'
import { identityEn } from './identity.en.ts'
import { ordersEn } from './orders.en.ts'
import { queuesEn } from './queues.en.ts'
import { supportCasesEn } from './support-cases.en.ts'
import type { Translation } from './sv.ts'

/** English: complete, with exactly the keys of `sv.ts` (a missing or extra key fails the typecheck). */
export const en: Translation = {
  ...adminEn,
  ...casesEn,
  ...identityEn,
  ...ordersEn,
  ...queuesEn,
  ...supportCasesEn,
  shell: {
    portalName: 'Kundnav',
    skipLink: 'Skip to main content',
    mainNav: 'Main menu',
    navStart: 'Home',
    navMembers: 'Members',
    navAuditLog: 'Log',
    navCaseOfficers: 'Register case officers',
    navSupport: 'Support: Responsible',
    navSupportCases: 'Cases (Ärenden)',
    navOrder: 'Order',
    navOrders: 'My orders',
    navCatalogue: 'Prices and terms',
    navAgentOrders: 'Agent assignments',
    navReviewQueue: 'Review orders',
    navCases: 'My cases (Mina ärenden)',
    footerAbout: 'Kundnav is an open-source customer portal.',
    devMailbox: 'Development mailbox',
    pageTitle: '{{title}} – Kundnav',
  },
  common: {
    loading: 'Loading …',
    retry: 'Try again',
    backToStart: 'Go to the start page',
    loadFailed: 'We could not load the information right now. Please try again in a moment.',
    forbiddenHeading: 'You do not have access to this page',
    errorSummaryTitle: 'There is a problem with the form',
    save: 'Save',
    saving: 'Saving …',
    saveFailed: 'We could not save right now. Please try again in a moment.',
    errorCode: 'Give error code {{code}} if you contact support.',
    cancel: 'Cancel',
    showMore: 'Show more',
  },
  person: {
    name: 'Name',
    email: 'E-mail',
    username: 'Username',
  },
  portal: {
    title: 'Welcome to Kundnav',
    intro:
      'Kundnav is the portal where you order services, follow your cases and manage who in your organisation has access.',
    loading: 'Loading information about the portal …',
    providerHeading: 'This portal is run by',
    providerName: 'Organisation',
    providerOrgNumber: 'Organisation number',
    customers: 'Customer organisations',
    customerCount_one: '{{count}} connected customer organisation',
    customerCount_other: '{{count}} connected customer organisations',
    noProvider: 'No organisation runs the portal yet.',
    demoHeading: 'This is a demo version',
    demoText:
      'The information in the portal is made up. E-mails and text messages are not really sent; they end up in the development mailbox.',
    demoMailboxLink: 'Open the development mailbox',
  },
  devMailbox: {
    title: 'Development mailbox',
    intro:
      'E-mails and text messages the portal sends while it runs without a mail server end up here, for example links for choosing a password.',
    filterLegend: 'Filter messages',
    recipientLabel: 'Recipient',
    recipientHint: 'All or part of the e-mail address or phone number.',
    filterSubmit: 'Filter',
    filterClear: 'Show all messages',
    filteredBy: 'Showing messages to recipients containing “{{recipient}}”.',
    loading: 'Loading messages …',
    empty: 'No messages yet.',
    emptyHint:
      'Messages appear here when the portal sends an e-mail or a text message, for example when someone asks for a new password.',
    emptyFiltered: 'No messages to recipients containing “{{recipient}}”.',
    listLabel: 'Messages',
    channelEmail: 'E-mail',
    channelSms: 'Text message',
    smsSubject: 'Text message to {{recipient}}',
    recipient: 'To',
    sentAt: 'Sent',
    createdAt: 'Created',
    channel: 'Type',
    loadingMore: 'Loading more messages …',
    noMore: 'There are no more messages.',
    notAvailableHeading: 'The mailbox only exists in demo mode',
    notAvailableText:
      'This server is not running in demo mode, so e-mails and text messages are really sent and not kept here.',
  },
  notFound: {
    title: 'Page not found',
    text: 'Check that the address is spelled correctly. If you followed a link, the page may have been moved or removed.',
  },
  errorPage: {
    title: 'Something went wrong',
    text: 'The page could not be shown because of a technical error. Try again, or go to the start page.',
  },
}
