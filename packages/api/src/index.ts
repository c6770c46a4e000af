export type { Context, SessionActor } from './context.ts'
export { AppError } from './errors.ts'
export { type AppRouter, appRouter, createCaller } from './root.ts'
