import { z } from 'zod'
import { downloadCaseFile, uploadCaseFile } from '../services/case-files.ts'
import { asCaseActor } from '../services/cases.ts'
import { memberProcedure, partyProcedure, providerProcedure, router } from '../trpc.ts'

/*
 * Cases' files. The bytes are no JSON: the server's /api/files route (apps/server/src/http/files.ts) is the
 * only way in and out, and calls these procedures through `createCaller`, so the ladder decides here as
 * for every procedure. An upload's `content` is a Uint8Array, which no JSON call over /api/trpc can make.
 */

/** Bytes: a Uint8Array over any kind of buffer (`z.instanceof` would type it as over an ArrayBuffer only). */
const zBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Ingen fil.' })

/** A file as uploaded: its name as the person's computer had it, its bytes. */
const ZUploadInput = z.object({ name: z.string(), content: zBytes })

const ZUploadedFile = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
})

const ZDownloadInput = z.object({ fileId: z.uuid() })

const ZDownloadedFile = ZUploadedFile.extend({ content: zBytes })

export const caseFileRouter = router({
  /** "Bifoga filer" of "Skapa ärende" and of a message: kept unattached until the case or message is sent. */
  upload: memberProcedure('case.create')
    .input(ZUploadInput)
    .output(ZUploadedFile)
    .mutation(({ ctx, input }) => uploadCaseFile(ctx.db, ctx.files, asCaseActor(ctx.actor), input)),

  /** Provider support's attachments (a message's, a phone case's): no organisation's until attached. */
  supportUpload: providerProcedure('provider.support')
    .input(ZUploadInput)
    .output(ZUploadedFile)
    .mutation(({ ctx, input }) => uploadCaseFile(ctx.db, ctx.files, asCaseActor(ctx.actor), input)),

  /** A file of a case the caller reaches (caseScope), or their own upload not yet attached. */
  download: partyProcedure('case.read')
    .input(ZDownloadInput)
    .output(ZDownloadedFile)
    .query(({ ctx, input }) =>
      downloadCaseFile(ctx.db.prisma, ctx.files, asCaseActor(ctx.actor), input.fileId),
    ),
})
