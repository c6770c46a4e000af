import { devMailboxRouter } from './routers/dev-mailbox.ts'
import { portalRouter } from './routers/portal.ts'
import { createCallerFactory, router } from './trpc.ts'

export const appRouter = router({
  portal: portalRouter,
  devMailbox: devMailboxRouter,
})

export type AppRouter = typeof appRouter

export const createCaller = createCallerFactory(appRouter)
