import type { Db } from '@kundnav/db'
import type { ProcedureRow } from './procedure-rows.ts'
import { actorFor, HOME_CASE_FILE_TEXT, type World } from './world.ts'

/** An upload as /api/files hands it to the procedures: a name and the bytes (here: plain UTF-8 text). */
const uploadInput = (name: string) => ({
  name,
  content: new TextEncoder().encode('Underlag till ett ärende.\n'),
})

/** Whether the caller's upload `input` was kept, unattached, for the organisation it was made in (null: none). */
async function keptUnattached(db: Db, userId: string, organizationId: string | null, input: unknown) {
  const { name } = input as { name: string }
  const row = await db.prisma.caseFile.findFirst({
    where: { uploadedByUserId: userId, organizationId, name, caseId: null },
  })
  return row !== null
}

const homeAdmin = (w: World) => actorFor(w.home, 'ADMIN', w)
const providerSupport = (w: World) => actorFor(w.provider, 'PROVIDER_SUPPORT', w)

/** Tenant-matrix rows of the case procedures in this file's part (merged into PROCEDURE_ROWS). */
export const CASE_FILE_ROWS: Record<string, ProcedureRow> = {
  'caseFile.upload': {
    rung: 'member',
    permission: 'case.create',
    input: () => uploadInput('underlag.txt'),
    // Another organisation's member uploads for their own organisation: nothing of home's in the answer.
    otherOrganization: 'scoped',
    allowed: {
      as: 'ADMIN',
      input: async () => uploadInput('hemmaunderlag.txt'),
      shows: () => ['hemmaunderlag.txt', 'text/plain'],
      changed: (w, db, input) => keptUnattached(db, homeAdmin(w).userId, w.home.organization.id, input),
    },
  },
  'caseFile.supportUpload': {
    rung: 'provider',
    permission: 'provider.support',
    input: () => uploadInput('supportunderlag.txt'),
    otherOrganization: 'scoped',
    allowed: {
      shows: () => ['supportunderlag.txt'],
      changed: (w, db, input) => keptUnattached(db, providerSupport(w).userId, null, input),
    },
  },
  'caseFile.download': {
    rung: 'party',
    permission: 'case.read',
    input: (w) => ({ fileId: w.homeCaseFileId }),
    otherOrganization: 'refused',
    allowed: {
      // The home case's reporter (its visibility: the reporter only).
      as: 'ADMIN',
      shows: (w) => [w.homeCaseFileId, 'hemmabeslut.txt', `"size":${HOME_CASE_FILE_TEXT.length}`],
    },
  },
}
