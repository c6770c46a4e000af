import { createHash, randomUUID } from 'node:crypto'
import type { Db, Prisma, PrismaClient } from '@kundnav/db'
import { MAX_FILE_BYTES, textProblem } from '@kundnav/schemas'
import { fileTypeFromBuffer } from 'file-type'
import { AppError } from '../errors.ts'
import type { CaseActor } from './cases.ts'
import { visibleCase } from './cases.ts'
import type { FileStore } from './file-storage.ts'
import { zipInflation } from './zip-inflation.ts'

type Tx = Prisma.TransactionClient | Db['prisma']

/*
 * Cases' attachments (seed 002, issue 12): what may be uploaded, where it is kept, who may fetch it, and
 * when an upload nobody attached is deleted. docs/decisions/0015-case-files.md says why.
 */

/** The longest file name kept, in UTF-16 code units (what a person would call characters, near enough). */
export const MAX_FILE_NAME_LENGTH = 200

/** An upload no submitted case or message took within this long is deleted (bytes and row). */
export const UNATTACHED_FILE_TTL_MS = 24 * 3_600_000

/**
 * The most uploads one person may have waiting, unattached, from the last day: a case takes at most
 * MAX_FILES_PER_CASE, so this leaves room for a few forms open at once while bounding what one account can
 * make the portal store (MAX_PENDING_UPLOADS × MAX_FILE_BYTES).
 */
export const MAX_PENDING_UPLOADS = 30

/** The types a case accepts, by the file's content, and the extensions each may carry. */
const ACCEPTED = [
  { label: 'PDF', mediaType: 'application/pdf', extensions: ['pdf'] },
  { label: 'PNG', mediaType: 'image/png', extensions: ['png'] },
  { label: 'JPEG', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  {
    label: 'Word (DOCX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  {
    label: 'Excel (XLSX)',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  { label: 'text', mediaType: 'text/plain', extensions: ['txt'] },
] as const

type Accepted = (typeof ACCEPTED)[number]

/** ".pdf, .png, .jpg, .jpeg, .docx, .xlsx eller .txt", for messages. */
const EXTENSION_LIST = (() => {
  const all = ACCEPTED.flatMap((type) => type.extensions.map((extension) => `.${extension}`))
  return `${all.slice(0, -1).join(', ')} eller ${all.at(-1)}`
})()

export interface CheckedUpload {
  mediaType: Accepted['mediaType']
  /** The name's extension, lower case, without the dot. */
  extension: string
}

/** A refusal of the file chosen, in the form's "Bifoga filer" field. */
const refusal = (appCode: string, message: string) =>
  new AppError('BAD_REQUEST', appCode, message, { field: 'file' })

/**
 * The file's name as it will be kept and shown: nothing is removed or replaced, so a name that would need
 * it is refused. No folders (`/`, `\`, `..`), no control, bidirectional or broken characters, not empty,
 * at most MAX_FILE_NAME_LENGTH characters.
 */
export function checkFileName(name: string): void {
  const invalid = (why: string) =>
    refusal('FILE_NAME_INVALID', `Filnamnet går inte att använda: ${why} Byt namn på filen och försök igen.`)
  if (name.trim() === '') throw invalid('filen saknar namn.')
  if (name.length > MAX_FILE_NAME_LENGTH) throw invalid(`det är längre än ${MAX_FILE_NAME_LENGTH} tecken.`)
  if (/[/\\]/.test(name) || name.includes('..')) throw invalid('det får inte innehålla /, \\ eller "..".')
  if (textProblem(name)) throw invalid('det innehåller osynliga styrtecken eller trasiga tecken.')
}

/** The extension of a checked name, lower case; "" when it has none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/**
 * Byte sequences the WHATWG MIME sniffing algorithm ("rules for identifying an unknown MIME type") reads as
 * HTML, when followed by a tag-terminating byte; we also count the whitespace and "/" a parser would
 * accept there. Compared case-insensitively, after a BOM and leading whitespace.
 */
const HTML_SNIFF_TAGS = [
  '<!DOCTYPE HTML',
  '<HTML',
  '<HEAD',
  '<SCRIPT',
  '<IFRAME',
  '<H1',
  '<DIV',
  '<FONT',
  '<TABLE',
  '<A',
  '<STYLE',
  '<TITLE',
  '<B',
  '<BODY',
  '<BR',
  '<P',
  '<!--',
]
/** Sniffed as XML (and so as a document a browser would render) whatever follows. */
const XML_SNIFF = '<?XML'
const TAG_TERMINATING = new Set([' ', '>', '\t', '\n', '\f', '\r', '/'])
const LEADING_WHITESPACE = /^[\t\n\f\r ]*/

/** Whether a browser sniffing this text could take it for HTML or XML. */
export function sniffsAsMarkup(text: string): boolean {
  const start = text
    .replace(/^\uFEFF/, '')
    .replace(LEADING_WHITESPACE, '')
    .slice(0, 32)
    .toUpperCase()
  if (start.startsWith(XML_SNIFF)) return true
  return HTML_SNIFF_TAGS.some(
    (tag) =>
      start.startsWith(tag) && (start.length === tag.length || TAG_TERMINATING.has(start[tag.length] ?? '')),
  )
}

/** Control characters a text file may not hold: all but tab, line feed and carriage return (C0, DEL, C1). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TEXT_CONTROL = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]/

function checkText(bytes: Uint8Array): void {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refusal(
      'FILE_TEXT_INVALID',
      'Textfilen är inte sparad som UTF-8. Spara den som UTF-8 (eller som PDF) och försök igen.',
    )
  }
  if (TEXT_CONTROL.test(text)) {
    throw refusal(
      'FILE_TEXT_INVALID',
      'Filen heter .txt men innehåller tecken som inte hör hemma i en textfil. Välj rätt fil, eller spara den som PDF.',
    )
  }
  if (sniffsAsMarkup(text)) {
    throw refusal(
      'FILE_TYPE_NOT_ALLOWED',
      'Filen ser ut som en webbsida (HTML eller XML), och sådana tar vi inte emot. Spara innehållet som PDF eller vanlig text.',
    )
  }
}

/** What a DOCX or XLSX may unpack to: far beyond any real document, far below what would hurt whoever opens it. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024
const MAX_ARCHIVE_ENTRIES = 10_000

/**
 * A DOCX or XLSX is a ZIP: one that says it unpacks to more than MAX_UNPACKED_BYTES (a "zip bomb"), or that
 * does not say, is refused, so support staff are never handed one to open.
 */
function checkArchive(name: string, bytes: Uint8Array): void {
  const inflation = zipInflation(bytes)
  if (
    !inflation ||
    inflation.entries > MAX_ARCHIVE_ENTRIES ||
    inflation.uncompressedBytes > MAX_UNPACKED_BYTES
  ) {
    throw refusal(
      'FILE_ARCHIVE_REFUSED',
      `Filen ${name} kunde inte godtas: den packas upp till mer än ett dokument rimligen gör, eller går inte att läsa. Spara den på nytt i Word eller Excel och försök igen.`,
    )
  }
}

/**
 * Whether a file may be attached to a case, decided by its content (`file-type`) and never by what the
 * browser said: PDF, PNG, JPEG, DOCX, XLSX or UTF-8 text that no browser would sniff as a web page, at most
 * MAX_FILE_BYTES, with an extension that agrees with the content. Refusals say what to do, in Swedish.
 */
export async function checkUpload(name: string, bytes: Uint8Array): Promise<CheckedUpload> {
  checkFileName(name)
  if (bytes.byteLength === 0) throw refusal('FILE_EMPTY', `Filen ${name} är tom. Välj en annan fil.`)
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw refusal(
      'FILE_TOO_LARGE',
      `Filen ${name} är större än ${MAX_FILE_BYTES / 1024 / 1024} MB. Dela upp den eller minska den och försök igen.`,
    )
  }
  const extension = extensionOf(name)
  const claimed = ACCEPTED.find((type) => (type.extensions as readonly string[]).includes(extension))
  if (!claimed) {
    throw refusal(
      'FILE_TYPE_NOT_ALLOWED',
      `Filer av den typen tar vi inte emot. Bifoga PDF, PNG, JPEG, Word (DOCX), Excel (XLSX) eller text: filer som heter ${EXTENSION_LIST}.`,
    )
  }
  const accepted: Accepted = claimed
  const detected = await fileTypeFromBuffer(bytes)
  // Nothing file-type knows: text, or something no rule names (an HTML page among them).
  const actual = detected
    ? ACCEPTED.find((type) => type.mediaType === detected.mime && type.mediaType !== 'text/plain')
    : ACCEPTED.find((type) => type.mediaType === 'text/plain')
  if (actual?.mediaType !== accepted.mediaType) {
    const found = detected
      ? actual
        ? actual.label
        : `en fil av typen .${detected.ext}`
      : sniffsAsMarkup(new TextDecoder().decode(bytes.subarray(0, 64)))
        ? 'en webbsida (HTML)'
        : 'text eller något okänt'
    throw refusal(
      'FILE_TYPE_MISMATCH',
      `Filen heter .${extension}, men innehållet är inte ${accepted.label} utan ${found}. Kontrollera att det är rätt fil och att den har rätt filändelse.`,
    )
  }
  if (accepted.mediaType === 'text/plain') checkText(bytes)
  if (accepted.extensions.some((ext) => ext === 'docx' || ext === 'xlsx')) checkArchive(name, bytes)
  return { mediaType: accepted.mediaType, extension }
}

/** What an upload answers, and what a case page lists of a file. */
export interface UploadedFile {
  id: string
  name: string
  size: number
  mediaType: string
}

/**
 * Keeps an upload until a case or message takes it (services/cases.ts `attachFiles`): the bytes under a
 * key of the portal's own making, then the row. A customer member's upload belongs to their organisation
 * from the start; provider support's to none until attached. If the row cannot be written, the bytes go.
 */
export async function uploadCaseFile(
  db: Db,
  files: FileStore,
  actor: CaseActor,
  input: { name: string; content: Uint8Array },
  now = new Date(),
): Promise<UploadedFile> {
  const { mediaType } = await checkUpload(input.name, input.content)
  // Refused before any bytes are stored when the person is over the bound already…
  await refuseTooManyPending(db.prisma, actor, now)
  const storageKey = `cases/${actor.userId}/${randomUUID()}`
  await files.put(storageKey, input.content)
  try {
    // …and counted again where it counts: one person's uploads are counted and kept one at a time (a
    // transaction-scoped advisory lock per person), so parallel uploads cannot all pass the count at once.
    return await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`case-upload|${actor.userId}`}, 0))`
      await refuseTooManyPending(tx, actor, now)
      return tx.caseFile.create({
        data: {
          organizationId: actor.organizationType === 'CUSTOMER' ? actor.organizationId : null,
          uploadedByUserId: actor.userId,
          name: input.name,
          mediaType,
          size: input.content.byteLength,
          sha256: createHash('sha256').update(input.content).digest('hex'),
          storageKey,
          createdAt: now,
        },
        select: { id: true, name: true, size: true, mediaType: true },
      })
    })
  } catch (error) {
    await files.delete(storageKey).catch(() => undefined)
    throw error
  }
}

/** TOO_MANY_UPLOADS when the person has MAX_PENDING_UPLOADS uploads of the last day that no case took. */
async function refuseTooManyPending(db: Tx, actor: CaseActor, now: Date): Promise<void> {
  const pending = await db.caseFile.count({
    where: {
      uploadedByUserId: actor.userId,
      caseId: null,
      createdAt: { gt: new Date(now.getTime() - UNATTACHED_FILE_TTL_MS) },
    },
  })
  if (pending >= MAX_PENDING_UPLOADS) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'TOO_MANY_UPLOADS',
      `Du har ${pending} uppladdade filer som inte skickats med något ärende. Skicka ärendet, eller vänta till i morgon, innan du laddar upp fler.`,
      { field: 'file' },
    )
  }
}

const FILE_NOT_FOUND_MESSAGE = 'Filen finns inte, eller så får du inte se den.'

const fileNotFound = () => new AppError('NOT_FOUND', 'FILE_NOT_FOUND', FILE_NOT_FOUND_MESSAGE)

/**
 * A file and its bytes, for the one who may see it: an attached file to whoever reaches its case
 * (`visibleCase`, so caseScope decides, as for the case page); an upload not yet attached only to its
 * uploader, acting for the organisation it was uploaded in. Anything else is NOT_FOUND, like a file that
 * does not exist.
 */
export async function downloadCaseFile(db: Tx, files: FileStore, actor: CaseActor, fileId: string) {
  const file = await db.caseFile.findUnique({ where: { id: fileId } })
  if (!file) throw fileNotFound()
  if (file.caseId) {
    const reached = await visibleCase(db, actor, file.caseId).then(
      (record) => record.organizationId === file.organizationId,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return false
        throw error
      },
    )
    if (!reached) throw fileNotFound()
  } else {
    const uploadedHere = actor.organizationType === 'CUSTOMER' ? actor.organizationId : null
    if (file.uploadedByUserId !== actor.userId || file.organizationId !== uploadedHere) throw fileNotFound()
  }
  const content = await files.get(file.storageKey)
  if (!content) {
    throw new AppError(
      'NOT_FOUND',
      'FILE_CONTENT_MISSING',
      'Filen kunde inte hämtas. Kontakta supporten och berätta vilket ärende det gäller.',
    )
  }
  return { id: file.id, name: file.name, mediaType: file.mediaType, size: file.size, content }
}

/**
 * Housekeeping: uploads no case or message took within UNATTACHED_FILE_TTL_MS go, row first (only while
 * still unattached, so a case submitted meanwhile keeps its file), then the bytes. A batch per run keeps
 * each run short; a failure to delete bytes leaves only unreachable bytes behind. Returns how many went.
 */
export async function deleteUnattachedFiles(
  prisma: PrismaClient,
  files: FileStore,
  now = new Date(),
  batch = 500,
): Promise<number> {
  const stale = await prisma.caseFile.findMany({
    where: {
      caseId: null,
      attachedAt: null,
      createdAt: { lt: new Date(now.getTime() - UNATTACHED_FILE_TTL_MS) },
    },
    select: { id: true, storageKey: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: batch,
  })
  let deleted = 0
  for (const file of stale) {
    const { count } = await prisma.caseFile.deleteMany({ where: { id: file.id, caseId: null } })
    if (count === 0) continue
    await files.delete(file.storageKey)
    deleted += 1
  }
  return deleted
}
