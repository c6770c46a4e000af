export type { Context, RequestInfo, SessionActor } from './context.ts'
export { AppError } from './errors.ts'
export { type AppRouter, appRouter, createCaller } from './root.ts'
export {
  type CaseEvent,
  type CaseEventBus,
  inProcessCaseEvents,
  type PostgresCaseEventBus,
  postgresCaseEvents,
} from './services/case-events.ts'
export { deleteUnattachedFiles } from './services/case-files.ts'
export { syncCatalogue } from './services/catalogue.ts'
export { type FileStore, localFileStore, memoryFileStore } from './services/file-storage.ts'
export { deleteExpired, type Retention } from './services/housekeeping.ts'
export { mailQueuedResetLinks } from './services/passwords.ts'
export { readRememberedPair } from './services/remembered-pair.ts'
export { endSessions, resolveActor } from './services/sessions.ts'
export { type ClientInfo, signIn } from './services/sign-in.ts'
export { hashToken } from './services/tokens.ts'
export { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './settings.ts'
export { UNEXPECTED_ERROR_MESSAGE, UNREADABLE_REQUEST_MESSAGE } from './trpc.ts'
