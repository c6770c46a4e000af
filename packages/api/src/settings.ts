/** Limits and timings of sign-in, configurable through the server's environment (tests raise them). */
export interface AuthSettings {
  /** Where people reach the portal, for links in mails. */
  publicUrl: string
  /** Served over HTTPS: cookies are Secure and `__Host-`-prefixed. */
  secureCookies: boolean
  sessionIdleMs: number
  sessionMaxMs: number
  throttleWindowMs: number
  loginFailuresPerAccount: number
  loginFailuresPerAddress: number
  resetRequestsPerAccount: number
  resetRequestsPerAddress: number
  /** SMS codes can be sent (an SMS gateway is configured, or development's mailbox); off: no step-up by SMS. */
  smsStepUp: boolean
  /** SMS codes one person (and one number) may be sent within the throttle window, all purposes together. */
  stepUpSmsPerAccount: number
  /** Wrong codes one person may give within the window, across challenges, before waiting. */
  stepUpWrongCodesPerAccount: number
  /** Cases and messages one person of a customer organisation may write within the window. */
  caseWritesPerAccount: number
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  publicUrl: 'http://localhost:3000',
  secureCookies: false,
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
  throttleWindowMs: 15 * 60_000,
  loginFailuresPerAccount: 10,
  loginFailuresPerAddress: 100,
  resetRequestsPerAccount: 5,
  resetRequestsPerAddress: 50,
  smsStepUp: true,
  stepUpSmsPerAccount: 10,
  stepUpWrongCodesPerAccount: 10,
  caseWritesPerAccount: 30,
}

/** Links in password mails stay valid this long. */
export const RESET_LINK_TTL_MS = 60 * 60_000
export const INVITATION_LINK_TTL_MS = 7 * 24 * 3_600_000
/** The chosen (organisation, role) pair is remembered on a device this long. */
export const REMEMBERED_PAIR_TTL_S = 60 * 24 * 3600
export const REMEMBERED_PAIR_COOKIE = 'kundnav.pair'
