import {
  ZCaseIdInput,
  ZCaseListInput,
  ZCaseMessageInput,
  ZCaseVisibilityInput,
  ZCreateCaseInput,
} from '@kundnav/schemas'
import {
  addCaseMessage,
  asCaseActor,
  caseView,
  createCase,
  listCases,
  setCaseVisibility,
} from '../services/cases.ts'
import { memberProcedure, partyProcedure, router } from '../trpc.ts'

/** Cases from the reporter's side (seed 002): "Skapa ärende", "Mina ärenden", the case page and its dialogue. */
export const caseRouter = router({
  /** "Skapa ärende": Område, Delområde, Ämne, Meddelande and the files uploaded for it. */
  create: memberProcedure('case.create')
    .input(ZCreateCaseInput)
    .mutation(({ ctx, input }) =>
      createCase(ctx.db, ctx.settings, ctx.caseEvents, asCaseActor(ctx.actor), input),
    ),

  /** "Mina ärenden": newest first; the organisation's too where its administrator lets the person see them. */
  list: memberProcedure('case.read')
    .input(ZCaseListInput)
    .query(({ ctx, input }) => listCases(ctx.db.prisma, asCaseActor(ctx.actor), input)),

  /** The case page, for the reporter's side and for provider support alike (caseScope decides). */
  get: partyProcedure('case.read')
    .input(ZCaseIdInput)
    .query(({ ctx, input }) => caseView(ctx.db.prisma, asCaseActor(ctx.actor), input.caseId)),

  /** A message of the dialogue while the case is open: the reporter, or provider support. */
  addMessage: partyProcedure('case.read')
    .input(ZCaseMessageInput)
    .mutation(({ ctx, input }) =>
      addCaseMessage(ctx.db, ctx.settings, ctx.caseEvents, asCaseActor(ctx.actor), input),
    ),
})

/** "Vem ser organisationens ärenden?": the organisation's administrator chooses. */
export const caseSettingsRouter = router({
  get: memberProcedure('caseSettings.manage').query(async ({ ctx }) => {
    const organization = await ctx.db.prisma.organization.findUniqueOrThrow({
      where: { id: ctx.organizationId },
      select: { caseVisibility: true },
    })
    return { visibility: organization.caseVisibility }
  }),

  set: memberProcedure('caseSettings.manage')
    .input(ZCaseVisibilityInput)
    .mutation(({ ctx, input }) => setCaseVisibility(ctx.db, asCaseActor(ctx.actor), input.visibility)),
})
