import {
  ZCloseCaseInput,
  ZRegisterPhoneCaseInput,
  ZSetCaseStatusInput,
  ZSupportCaseQueueInput,
  ZTakeCaseInput,
} from '@kundnav/schemas'
import {
  asCaseActor,
  closeCase,
  registerPhoneCase,
  setCaseStatus,
  supportQueue,
  supportQueueOrganizations,
  takeCase,
} from '../services/cases.ts'
import { providerProcedure, router } from '../trpc.ts'

/** Provider support's workspace: the queue, taking a case, its status, the final answer, phone cases. */
export const supportCaseRouter = router({
  /** Open cases (or those of a status), the longest waiting first; filter by area and organisation. */
  queue: providerProcedure('provider.support')
    .input(ZSupportCaseQueueInput)
    .query(({ ctx, input }) => supportQueue(ctx.db.prisma, input)),

  /** The organisations with cases, for the queue's filter. */
  organizations: providerProcedure('provider.support').query(({ ctx }) =>
    supportQueueOrganizations(ctx.db.prisma),
  ),

  /** "Ta ärendet": it is the caller's; an Inkommit case becomes Under bearbetning. */
  take: providerProcedure('provider.support')
    .input(ZTakeCaseInput)
    .mutation(({ ctx, input }) =>
      takeCase(ctx.db, ctx.settings, ctx.caseEvents, asCaseActor(ctx.actor), input),
    ),

  setStatus: providerProcedure('provider.support')
    .input(ZSetCaseStatusInput)
    .mutation(({ ctx, input }) =>
      setCaseStatus(ctx.db, ctx.settings, ctx.caseEvents, asCaseActor(ctx.actor), input),
    ),

  /** "Avsluta ärendet": the final answer is required. */
  close: providerProcedure('provider.support')
    .input(ZCloseCaseInput)
    .mutation(({ ctx, input }) =>
      closeCase(ctx.db, ctx.settings, ctx.caseEvents, asCaseActor(ctx.actor), input),
    ),

  /** "Registrera telefonärende" for a person of a customer organisation (channel: telefon). */
  registerPhoneCase: providerProcedure('provider.support')
    .input(ZRegisterPhoneCaseInput)
    .mutation(({ ctx, input }) =>
      registerPhoneCase(ctx.db, ctx.settings, ctx.caseEvents, asCaseActor(ctx.actor), input),
    ),
})
