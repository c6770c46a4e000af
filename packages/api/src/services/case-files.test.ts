import { createHash, randomUUID } from 'node:crypto'
import type { Db } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { MAX_FILE_BYTES } from '@kundnav/schemas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { DOCX, JPEG, PDF, PNG, TEXT, XLSX, ZIP } from '../testing/fixtures/file-samples.ts'
import {
  actorFor,
  callerFor,
  createWorld,
  failureOf,
  HOME_CASE_FILE_TEXT,
  TEST_FILES,
  type World,
} from '../testing/world.ts'
import {
  checkUpload,
  deleteUnattachedFiles,
  MAX_PENDING_UPLOADS,
  sniffsAsMarkup,
  UNATTACHED_FILE_TTL_MS,
  uploadCaseFile,
} from './case-files.ts'
import { asCaseActor } from './cases.ts'
import { memoryFileStore } from './file-storage.ts'
import { zipInflation } from './zip-inflation.ts'

const text = (value: string) => new TextEncoder().encode(value)

/** The AppError code `checkUpload` refuses with, or "OK" with the media type. */
async function verdict(name: string, bytes: Uint8Array): Promise<string> {
  try {
    return `OK ${(await checkUpload(name, bytes)).mediaType}`
  } catch (error) {
    if (error instanceof AppError) return error.appCode
    throw error
  }
}

describe('checkUpload', () => {
  it.each([
    ['beslut.pdf', PDF, 'application/pdf'],
    ['Skärmbild.PNG', PNG, 'image/png'],
    ['foto.jpg', JPEG, 'image/jpeg'],
    ['foto.JPEG', JPEG, 'image/jpeg'],
    [
      'anställningsbeslut.docx',
      DOCX,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['lönelista.xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['anteckning.txt', TEXT, 'text/plain'],
    ['bom.txt', text('\uFEFFText med BOM'), 'text/plain'],
    ['jämförelse.txt', text('a < b och <Adress> är text, liksom <bold och <abc>'), 'text/plain'],
    ['mellanslag i namnet (1).pdf', PDF, 'application/pdf'],
  ])('accepts %s as %s', async (name, bytes, mediaType) => {
    expect(await verdict(name, bytes)).toBe(`OK ${mediaType}`)
  })

  it.each([
    [
      'an HTML page renamed .pdf',
      'faktura.pdf',
      text('<!DOCTYPE html><html><script>alert(1)</script></html>'),
    ],
    ['a PDF named .txt', 'beslut.txt', PDF],
    ['a PNG named .jpg', 'bild.jpg', PNG],
    ['a DOCX named .xlsx', 'tabell.xlsx', DOCX],
    ['an XLSX named .docx', 'brev.docx', XLSX],
    ['a plain ZIP named .docx', 'brev.docx', ZIP],
    ['text named .png', 'bild.png', TEXT],
  ])('refuses %s as FILE_TYPE_MISMATCH', async (_what, name, bytes) => {
    expect(await verdict(name, bytes)).toBe('FILE_TYPE_MISMATCH')
  })

  it('refuses a DOCX or XLSX that says it unpacks to far more than a document does (a zip bomb), or says nothing', async () => {
    /** The archive with its last entry's uncompressed size, as the central directory states it, set to `size`. */
    const claiming = (archive: Uint8Array, size: number) => {
      const copy = new Uint8Array(archive)
      const view = new DataView(copy.buffer)
      let entry = -1
      for (let at = 0; at + 4 <= copy.length; at++) if (view.getUint32(at, true) === 0x02014b50) entry = at
      view.setUint32(entry + 24, size, true)
      return copy
    }
    expect(zipInflation(DOCX)?.entries).toBe(2)
    expect(await verdict('brev.docx', claiming(DOCX, 500 * 1024 * 1024))).toBe('FILE_ARCHIVE_REFUSED')
    expect(await verdict('tabell.xlsx', claiming(XLSX, 0xffffffff))).toBe('FILE_ARCHIVE_REFUSED')
    expect(await verdict('brev.docx', claiming(DOCX, 10 * 1024 * 1024))).toBe(
      'OK application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const cut = DOCX.subarray(0, DOCX.length - 22)
    expect(zipInflation(cut)).toBeNull()
  })

  it('tells why an HTML page renamed .pdf is refused', async () => {
    const error = await failureOf(checkUpload('faktura.pdf', text('<html><body>Betala här</body></html>')))
    expect(error.message).toContain('Filen heter .pdf')
    expect(error.message).toContain('webbsida (HTML)')
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.field).toBe('file')
  })

  it.each([
    '<!DOCTYPE html>',
    '<html>',
    '\uFEFF  \n\t<SCRIPT src=x>',
    '<iframe src="x">',
    '<h1>Rubrik</h1>',
    '<div>',
    '<font color=red>',
    '<table>',
    '<a href="https://example.com">',
    '<style>',
    '<title>',
    '<b>fetstil</b>',
    '<body onload=x>',
    '<br>',
    '<p>',
    '<!-- kommentar -->',
    '<?xml version="1.0"?><x/>',
  ])('refuses text a browser would sniff as markup: %j', async (value) => {
    expect(sniffsAsMarkup(value)).toBe(true)
    // file-type itself knows XML: then the content is no text, as the name claims.
    expect(await verdict('sida.txt', text(value))).toBe(
      value.startsWith('<?xml') ? 'FILE_TYPE_MISMATCH' : 'FILE_TYPE_NOT_ALLOWED',
    )
  })

  it('does not take text that merely mentions tags for a web page', () => {
    for (const value of ['Hej <html>', '<Adress>', '<bold', '<abc>', 'x<p>', '<svg>']) {
      expect(sniffsAsMarkup(value), value).toBe(false)
    }
  })

  it('refuses text that is not UTF-8 or holds control characters', async () => {
    expect(await verdict('latin1.txt', new Uint8Array([0x48, 0xe4, 0x6a]))).toBe('FILE_TEXT_INVALID')
    expect(await verdict('trasig.txt', new Uint8Array([0x48, 0xc3, 0x28]))).toBe('FILE_TEXT_INVALID')
    expect(await verdict('nul.txt', text('a\u0000b'))).toBe('FILE_TEXT_INVALID')
    expect(await verdict('escape.txt', text('a\u001b[31mb'))).toBe('FILE_TEXT_INVALID')
    expect(await verdict('c1.txt', text('a\u0085b'))).toBe('FILE_TEXT_INVALID')
  })

  it('refuses types a case does not take, by their name', async () => {
    for (const name of ['program.exe', 'sida.html', 'bild.svg', 'utanfiländelse', 'arkiv.zip', '.txt']) {
      expect(await verdict(name, TEXT), name).toBe('FILE_TYPE_NOT_ALLOWED')
    }
  })

  it('refuses names with folders, control characters, nothing or too much, and changes none', async () => {
    for (const name of [
      '../beslut.pdf',
      '..\\beslut.pdf',
      'mapp/beslut.pdf',
      'mapp\\beslut.pdf',
      'beslut..pdf',
      '',
      '   ',
      `${'x'.repeat(197)}.pdf`,
      'beslut\u0000.pdf',
      'beslut\n.pdf',
      'fdp.\u202eexe.pdf',
      'beslut\ud800.pdf',
    ]) {
      expect(await verdict(name, PDF), JSON.stringify(name)).toBe('FILE_NAME_INVALID')
    }
    expect(await verdict(`${'x'.repeat(196)}.pdf`, PDF)).toBe('OK application/pdf')
    const error = await failureOf(checkUpload('../../etc/passwd.txt', TEXT))
    expect(error.message).toContain('"..".')
  })

  it('refuses an empty file and one over the limit', async () => {
    expect(await verdict('tom.pdf', new Uint8Array())).toBe('FILE_EMPTY')
    const tooLarge = new Uint8Array(MAX_FILE_BYTES + 1)
    tooLarge.set(PDF)
    const error = await failureOf(checkUpload('stor.pdf', tooLarge))
    expect(error.appCode).toBe('FILE_TOO_LARGE')
    expect(error.message).toContain('20 MB')
    const atLimit = new Uint8Array(MAX_FILE_BYTES)
    atLimit.set(PDF)
    expect(await verdict('precis.pdf', atLimit)).toBe('OK application/pdf')
  })
})

describe('uploads and downloads', () => {
  let db: Db
  let world: World
  beforeAll(async () => {
    db = await createTestDb()
    world = await createWorld(db)
  })
  afterAll(async () => {
    await db.close()
  })

  const as = (org: 'home' | 'other' | 'provider', role: Parameters<typeof actorFor>[1]) =>
    actorFor(world[org], role, world)

  it('keeps an upload unattached, under a key of its own, with its checksum, for the uploader only', async () => {
    const orderer = as('home', 'ORDERER')
    const uploaded = await callerFor(db, orderer).caseFile.upload({ name: 'beslut.pdf', content: PDF })
    expect(uploaded).toEqual({
      id: expect.any(String),
      name: 'beslut.pdf',
      size: PDF.length,
      mediaType: 'application/pdf',
    })
    const row = await db.prisma.caseFile.findUniqueOrThrow({ where: { id: uploaded.id } })
    expect(row).toMatchObject({
      organizationId: world.home.organization.id,
      uploadedByUserId: orderer.userId,
      caseId: null,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    })
    expect(row.storageKey).toMatch(new RegExp(`^cases/${orderer.userId}/[0-9a-f-]{36}$`))
    expect(await TEST_FILES.get(row.storageKey)).toEqual(PDF)

    const own = await callerFor(db, orderer).caseFile.download({ fileId: uploaded.id })
    expect(own.content).toEqual(PDF)
    // Not yet anyone else's: a colleague, the administrator, provider support, another organisation.
    for (const actor of [
      as('home', 'CONTACT'),
      as('home', 'ADMIN'),
      as('provider', 'PROVIDER_SUPPORT'),
      as('other', 'ORDERER'),
    ]) {
      const error = await failureOf(callerFor(db, actor).caseFile.download({ fileId: uploaded.id }))
      expect(error.appCode).toBe('FILE_NOT_FOUND')
    }
  })

  it("answers another organisation's attachment with NOT_FOUND, as for a file that does not exist", async () => {
    for (const role of ['ADMIN', 'ORDERER', 'CONTACT'] as const) {
      const error = await failureOf(
        callerFor(db, as('other', role)).caseFile.download({ fileId: world.homeCaseFileId }),
      )
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).toBe('Filen finns inte, eller så får du inte se den.')
    }
    const missing = await failureOf(
      callerFor(db, as('home', 'ADMIN')).caseFile.download({ fileId: randomUUID() }),
    )
    expect(missing.message).toBe('Filen finns inte, eller så får du inte se den.')
    // The case's reporter and provider support reach it; a colleague only where the organisation lets them.
    const reporter = await callerFor(db, as('home', 'ADMIN')).caseFile.download({
      fileId: world.homeCaseFileId,
    })
    expect(new TextDecoder().decode(reporter.content)).toBe(HOME_CASE_FILE_TEXT)
    const support = await callerFor(db, as('provider', 'PROVIDER_SUPPORT')).caseFile.download({
      fileId: world.homeCaseFileId,
    })
    expect(support.name).toBe('hemmabeslut.txt')
    const colleague = callerFor(db, as('home', 'CONTACT'))
    expect((await failureOf(colleague.caseFile.download({ fileId: world.homeCaseFileId }))).code).toBe(
      'NOT_FOUND',
    )
  })

  it('lets a case take at most ten files, and an eleventh is refused when the message is sent', async () => {
    const orderer = callerFor(db, as('home', 'ORDERER'))
    const upload = (i: number) =>
      orderer.caseFile.upload({ name: `underlag-${i}.txt`, content: text(`Underlag ${i}\n`) })
    const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(i)))
    const created = await orderer.case.create({
      area: 'EKONOMI',
      subject: 'Tio filer',
      message: 'Se bilagorna.',
      fileIds: ten.map((file) => file.id),
      idempotencyKey: randomUUID(),
    })
    const eleventh = await upload(10)
    const error = await failureOf(
      orderer.case.addMessage({ caseId: created.caseId, body: 'En till.', fileIds: [eleventh.id] }),
    )
    expect(error.appCode).toBe('TOO_MANY_FILES')
    expect(error.message).toContain('högst 10 filer')
    // The attached ones now follow the case; the eleventh is still only its uploader's.
    const attached = await orderer.caseFile.download({ fileId: ten[0]?.id ?? '' })
    expect(new TextDecoder().decode(attached.content)).toBe('Underlag 0\n')
    expect((await db.prisma.caseFile.findUniqueOrThrow({ where: { id: eleventh.id } })).caseId).toBeNull()
  })

  it("keeps provider support's upload no organisation's until a case takes it", async () => {
    const support = callerFor(db, as('provider', 'PROVIDER_SUPPORT'))
    const uploaded = await support.caseFile.supportUpload({ name: 'svar.png', content: PNG })
    const row = await db.prisma.caseFile.findUniqueOrThrow({ where: { id: uploaded.id } })
    expect(row.organizationId).toBeNull()
    expect((await support.caseFile.download({ fileId: uploaded.id })).mediaType).toBe('image/png')
  })

  it('bounds the uploads one person may have waiting', async () => {
    const contact = as('other', 'CONTACT')
    await db.prisma.caseFile.createMany({
      data: Array.from({ length: MAX_PENDING_UPLOADS }, () => ({
        organizationId: world.other.organization.id,
        uploadedByUserId: contact.userId,
        name: 'väntar.txt',
        mediaType: 'text/plain',
        size: 1,
        sha256: '0'.repeat(64),
        storageKey: `cases/${contact.userId}/${randomUUID()}`,
      })),
    })
    const error = await failureOf(
      callerFor(db, contact).caseFile.upload({ name: 'en till.txt', content: TEXT }),
    )
    expect(error.appCode).toBe('TOO_MANY_UPLOADS')
    expect(error.code).toBe('TOO_MANY_REQUESTS')
  })

  it('bounds them when many arrive at once: parallel uploads cannot all pass the count', async () => {
    const actor = asCaseActor(as('other', 'ADMIN'))
    const waiting = MAX_PENDING_UPLOADS - 5
    await db.prisma.caseFile.createMany({
      data: Array.from({ length: waiting }, () => ({
        organizationId: world.other.organization.id,
        uploadedByUserId: actor.userId,
        name: 'väntar.txt',
        mediaType: 'text/plain',
        size: 1,
        sha256: '0'.repeat(64),
        storageKey: `cases/${actor.userId}/${randomUUID()}`,
      })),
    })
    const files = memoryFileStore()
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        uploadCaseFile(db, files, actor, { name: `samtidig ${i}.pdf`, content: PDF }),
      ),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5)
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as AppError).appCode).toBe('TOO_MANY_UPLOADS')
    }
    expect(await db.prisma.caseFile.count({ where: { uploadedByUserId: actor.userId, caseId: null } })).toBe(
      MAX_PENDING_UPLOADS,
    )
    // The refused ones' bytes went with them.
    expect(files.keys()).toHaveLength(5)
  })

  it('deletes the stored bytes when the row cannot be written', async () => {
    const files = memoryFileStore()
    // The client, and any transaction's, whose caseFile.create fails.
    const failingCreate = <T extends object>(client: T): T =>
      new Proxy(client, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver)
          if (key === '$transaction') {
            return (run: (tx: unknown) => unknown) =>
              (value as (run: (tx: object) => unknown) => unknown).call(target, (tx: object) =>
                run(failingCreate(tx)),
              )
          }
          if (key !== 'caseFile') return value
          const caseFile = value as Db['prisma']['caseFile']
          return {
            ...caseFile,
            count: caseFile.count.bind(caseFile),
            create: () => Promise.reject(new Error('database gone')),
          }
        },
      })
    const failing = { ...db, prisma: failingCreate(db.prisma) } as Db
    const actor = asCaseActor(as('home', 'SIGNATORY'))
    await expect(uploadCaseFile(failing, files, actor, { name: 'a.pdf', content: PDF })).rejects.toThrow(
      'database gone',
    )
    expect(files.keys()).toEqual([])
  })

  it('deletes uploads no case took within a day, bytes and row, and nothing else', async () => {
    const files = memoryFileStore()
    const now = new Date()
    const actor = asCaseActor(as('home', 'ATTESTER'))
    const at = (msAgo: number) => new Date(now.getTime() - msAgo)
    const old = await uploadCaseFile(
      db,
      files,
      actor,
      { name: 'gammal.pdf', content: PDF },
      at(UNATTACHED_FILE_TTL_MS + 60_000),
    )
    const fresh = await uploadCaseFile(db, files, actor, { name: 'ny.pdf', content: PDF }, at(3_600_000))
    const taken = await uploadCaseFile(
      db,
      files,
      actor,
      { name: 'bifogad.pdf', content: PDF },
      at(2 * UNATTACHED_FILE_TTL_MS),
    )
    await db.prisma.caseFile.update({
      where: { id: taken.id },
      data: { caseId: world.homeCaseId, attachedAt: now },
    })
    const keyOf = async (id: string) =>
      (await db.prisma.caseFile.findUniqueOrThrow({ where: { id } })).storageKey
    const [freshKey, takenKey] = [await keyOf(fresh.id), await keyOf(taken.id)]

    expect(await deleteUnattachedFiles(db.prisma, files, now)).toBe(1)
    expect(await db.prisma.caseFile.findUnique({ where: { id: old.id } })).toBeNull()
    expect(files.keys().sort()).toEqual([freshKey, takenKey].sort())
    expect(await deleteUnattachedFiles(db.prisma, files, now)).toBe(0)
    expect(await db.prisma.caseFile.count({ where: { id: { in: [fresh.id, taken.id] } } })).toBe(2)
  })
})
