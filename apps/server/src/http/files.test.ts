import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashToken, memoryFileStore } from '@kundnav/api'
import { createOrgWithMembers, type Db, type OrgWithMembers, type Role } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { MAX_FILE_BYTES } from '@kundnav/schemas'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createAuth } from '../auth/authjs.ts'
import { parseEnv } from '../env.ts'
import { contentDisposition, MAX_UPLOAD_BODY_BYTES, MAX_UPLOADS_IN_FLIGHT_PER_PERSON } from './files.ts'

const ORIGIN = 'http://localhost:3000'
const logger = pino({ level: 'silent' })
const text = (value: string) => new TextEncoder().encode(value)
const PDF = text('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

let db: Db
let env: ReturnType<typeof parseEnv>
let files: ReturnType<typeof memoryFileStore>
let app: ReturnType<typeof createApp>
let auth: ReturnType<typeof createAuth>
let home: OrgWithMembers
let other: OrgWithMembers
let provider: OrgWithMembers

beforeAll(async () => {
  db = await createTestDb()
  const dir = mkdtempSync(join(tmpdir(), 'kundnav-files-'))
  env = { ...parseEnv({ DATA_DIR: dir, STATIC_DIR: dir, PUBLIC_URL: ORIGIN }), demoMode: true }
  files = memoryFileStore()
  app = createApp({ db, env, logger, files })
  auth = createAuth({ db, settings: env.auth, secret: env.authSecret, logger })
  const person = (name: string, roles: Role[]) => ({
    name,
    email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@files.test`,
    roles,
  })
  home = await createOrgWithMembers(db.prisma, {
    name: 'Filbolaget',
    members: [person('Olle', ['ORDERER']), person('Cilla', ['CONTACT'])],
  })
  other = await createOrgWithMembers(db.prisma, { name: 'Annat bolag', members: [person('Anna', ['ADMIN'])] })
  provider = await createOrgWithMembers(db.prisma, {
    type: 'PROVIDER',
    members: [person('Sture', ['PROVIDER_SUPPORT'])],
  })
})
afterAll(async () => {
  await db.close()
})

/** A signed-in browser of `org`'s member holding `role`, with that pair chosen: its cookie and pair. */
async function browser(org: OrgWithMembers, role: Role) {
  const member = org.members.find((m) => m.membership.roles.includes(role))
  if (!member) throw new Error(`no ${role}`)
  const token = randomUUID()
  await db.prisma.session.create({
    data: {
      sessionToken: hashToken(token),
      userId: member.user.id,
      expires: new Date(Date.now() + 3_600_000),
      activeOrganizationId: org.organization.id,
      activeRole: role,
    },
  })
  const cookie = (await auth.sessionCookie({ token, userId: member.user.id })).split(';')[0] ?? ''
  return { cookie, pair: `${org.organization.id}:${role}`, userId: member.user.id }
}
type Browser = Awaited<ReturnType<typeof browser>>

/** The SPA's headers: same-origin fetch metadata, the CSRF header, the pair the page shows. */
const spaHeaders = (who: Browser | null) => ({
  origin: ORIGIN,
  'sec-fetch-site': 'same-origin',
  'x-kundnav-csrf': '1',
  ...(who ? { cookie: who.cookie, 'x-kundnav-pair': who.pair } : {}),
})

function form(name: string, content: Uint8Array) {
  const body = new FormData()
  body.append('file', new File([new Uint8Array(content)], name))
  return body
}

function upload(
  who: Browser | null,
  name: string,
  content: Uint8Array,
  headers: Record<string, string> = {},
) {
  return app.request(`${ORIGIN}/api/files`, {
    method: 'POST',
    headers: { ...spaHeaders(who), ...headers },
    body: form(name, content),
  })
}

async function uploaded(who: Browser, name: string, content: Uint8Array): Promise<{ id: string }> {
  const response = await upload(who, name, content)
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201)
  return response.json()
}

function download(who: Browser | null, id: string, headers: Record<string, string> = {}) {
  return app.request(`${ORIGIN}/api/files/${id}`, {
    headers: { ...(who ? { cookie: who.cookie, 'x-kundnav-pair': who.pair } : {}), ...headers },
  })
}

function trpc(who: Browser, path: string, input: unknown) {
  return app.request(`${ORIGIN}/api/trpc/${path}`, {
    method: 'POST',
    headers: { ...spaHeaders(who), 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
}

const countFiles = () => db.prisma.caseFile.count()

describe('POST /api/files', () => {
  it('takes a file from our own page: 201 with what the form needs, kept unattached', async () => {
    const olle = await browser(home, 'ORDERER')
    const response = await upload(olle, 'Lönebesked maj.pdf', PDF)
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body).toEqual({
      id: expect.any(String),
      name: 'Lönebesked maj.pdf',
      size: PDF.length,
      mediaType: 'application/pdf',
    })
    const row = await db.prisma.caseFile.findUniqueOrThrow({ where: { id: body.id } })
    expect(row).toMatchObject({
      organizationId: home.organization.id,
      uploadedByUserId: olle.userId,
      caseId: null,
    })
    expect(await files.get(row.storageKey)).toEqual(PDF)
  })

  it('refuses an upload without the SPA header or from another site, before storing anything', async () => {
    const olle = await browser(home, 'ORDERER')
    const before = await countFiles()
    const noHeader = await upload(olle, 'a.pdf', PDF, { 'x-kundnav-csrf': '' })
    expect(noHeader.status).toBe(403)
    expect(await noHeader.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED' })
    expect((await upload(olle, 'a.pdf', PDF, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await upload(olle, 'a.pdf', PDF, { origin: 'https://evil.example' })).status).toBe(403)
    expect(await countFiles()).toBe(before)
  })

  it('asks an anonymous caller to sign in', async () => {
    const response = await upload(null, 'a.pdf', PDF)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('refuses a body over the limit with 413 and a message, without reading it', async () => {
    const olle = await browser(home, 'ORDERER')
    let read = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        read += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024))
        if (read > 2 * MAX_UPLOAD_BODY_BYTES) controller.close()
      },
    })
    const response = await app.request(`${ORIGIN}/api/files`, {
      method: 'POST',
      headers: {
        ...spaHeaders(olle),
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(MAX_UPLOAD_BODY_BYTES + 1),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    const body = await response.json()
    expect(body).toMatchObject({ code: 'FILE_TOO_LARGE' })
    expect(body.error).toContain('20 MB')
    expect(read).toBeLessThan(1024 * 1024)
  })

  it('refuses a file over 20 MB that fits the body limit with 413, and takes one far over 100 KB', async () => {
    const olle = await browser(home, 'ORDERER')
    const tooLarge = new Uint8Array(MAX_FILE_BYTES + 1)
    tooLarge.set(PDF)
    const refused = await upload(olle, 'stor.pdf', tooLarge)
    expect(refused.status).toBe(413)
    const body = await refused.json()
    expect(body.code).toBe('FILE_TOO_LARGE')
    expect(body.error).toContain('20 MB')
    // The API's 100 KB limit is not this route's.
    const large = new Uint8Array(2 * 1024 * 1024)
    large.set(PDF)
    expect((await upload(olle, 'stor-men-tillåten.pdf', large)).status).toBe(201)
  })

  it('refuses an HTML page renamed .pdf and a name with ../, with clear messages', async () => {
    const olle = await browser(home, 'ORDERER')
    const before = await countFiles()
    const html = await upload(olle, 'faktura.pdf', text('<!doctype html><script>alert(1)</script>'))
    expect(html.status).toBe(400)
    const htmlBody = await html.json()
    expect(htmlBody.code).toBe('FILE_TYPE_MISMATCH')
    expect(htmlBody.error).toContain('webbsida (HTML)')
    const traversal = await upload(olle, '../../etc/beslut.pdf', PDF)
    expect(traversal.status).toBe(400)
    const traversalBody = await traversal.json()
    expect(traversalBody.code).toBe('FILE_NAME_INVALID')
    expect(traversalBody.error).toContain('Filnamnet')
    expect(await countFiles()).toBe(before)
  })

  it('refuses a body that is not one file in the field "file"', async () => {
    const olle = await browser(home, 'ORDERER')
    const two = new FormData()
    two.append('file', new File([PDF], 'a.pdf'))
    two.append('file', new File([PDF], 'b.pdf'))
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      app.request(`${ORIGIN}/api/files`, {
        method: 'POST',
        headers: { ...spaHeaders(olle), ...headers },
        body,
      })
    expect((await post(two)).status).toBe(400)
    const json = await post(JSON.stringify({ name: 'a.pdf', content: [1, 2] }), {
      'content-type': 'application/json',
    })
    expect(json.status).toBe(400)
    expect(await json.json()).toMatchObject({ code: 'UPLOAD_UNREADABLE' })
    const broken = await post('--x\r\nnonsense', { 'content-type': 'multipart/form-data; boundary=x' })
    expect(broken.status).toBe(400)
  })

  it('refuses an eleventh file for a case when the message that would carry it is sent', async () => {
    const olle = await browser(home, 'ORDERER')
    const ten = []
    for (let i = 0; i < 10; i++) ten.push(await uploaded(olle, `bilaga-${i}.txt`, text(`Bilaga ${i}\n`)))
    const created = await trpc(olle, 'case.create', {
      area: 'EKONOMI',
      subject: 'Tio bilagor',
      message: 'Se bilagorna.',
      fileIds: ten.map((file) => file.id),
      idempotencyKey: randomUUID(),
    })
    expect(created.status).toBe(200)
    const { caseId } = (await created.json()).result.data
    const eleventh = await uploaded(olle, 'bilaga-10.txt', text('Bilaga 10\n'))
    const refused = await trpc(olle, 'case.addMessage', { caseId, body: 'En till.', fileIds: [eleventh.id] })
    expect(refused.status).toBe(400)
    const { error } = await refused.json()
    expect(error.data.appCode).toBe('TOO_MANY_FILES')
    expect(error.message).toContain('högst 10 filer')
  })

  it("takes provider support's upload through its own procedure, no organisation's until attached", async () => {
    const sture = await browser(provider, 'PROVIDER_SUPPORT')
    const { id } = await uploaded(sture, 'svar.txt', text('Svar från supporten.\n'))
    const row = await db.prisma.caseFile.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ organizationId: null, uploadedByUserId: sture.userId })
  })

  it('refuses an upload from a tab still showing another pair, as the procedures do', async () => {
    const olle = await browser(home, 'ORDERER')
    const response = await upload(olle, 'a.pdf', PDF, { 'x-kundnav-pair': `${other.organization.id}:ADMIN` })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ code: 'ROLE_CHANGED' })
  })
})

describe('GET /api/files/:id', () => {
  it('sends the file as an attachment: Content-Disposition, nosniff, no-store, the stored type', async () => {
    const olle = await browser(home, 'ORDERER')
    const { id } = await uploaded(olle, 'Lönebesked "maj" 100%.pdf', PDF)
    const response = await download(olle, id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Lonebesked _maj_ 100_.pdf"; filename*=UTF-8''L%C3%B6nebesked%20%22maj%22%20100%25.pdf`,
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
  })

  it('sends a text file as it was stored, never compressed or changed, even to a client that accepts it', async () => {
    const olle = await browser(home, 'ORDERER')
    const content = text(`${'Rad med underlag för lönen.\n'.repeat(200)}`)
    const { id } = await uploaded(olle, 'underlag.txt', content)
    const response = await download(olle, id, { 'accept-encoding': 'gzip, br' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('content-length')).toBe(String(content.length))
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(content)
  })

  it("answers another organisation's file, a colleague's upload and a file that does not exist with 404", async () => {
    const olle = await browser(home, 'ORDERER')
    const { id } = await uploaded(olle, 'hemligt.pdf', PDF)
    for (const who of [await browser(other, 'ADMIN'), await browser(home, 'CONTACT')]) {
      const response = await download(who, id)
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({
        code: 'FILE_NOT_FOUND',
        error: 'Filen finns inte, eller så får du inte se den.',
      })
    }
    expect((await download(olle, randomUUID())).status).toBe(404)
    expect((await download(olle, 'inte-ett-id')).status).toBe(404)
    expect((await download(null, id)).status).toBe(401)
  })

  it('is the only way to the files: /api/trpc does not serve the caseFile procedures', async () => {
    const olle = await browser(home, 'ORDERER')
    const { id } = await uploaded(olle, 'a.pdf', PDF)
    const input = encodeURIComponent(JSON.stringify({ fileId: id }))
    const batch = encodeURIComponent(JSON.stringify({ 0: {}, 1: { fileId: id } }))
    for (const path of [
      `caseFile.download?input=${input}`,
      `portal.info,caseFile.download?batch=1&input=${batch}`,
      // tRPC decodes the whole path before splitting a batch on ",": an encoded comma is a comma to it.
      `portal.info%2CcaseFile.download?batch=1&input=${batch}`,
      `portal.info%2ccaseFile.download?batch=1&input=${batch}`,
      `portal.info%2C%63aseFile%2Edownload?batch=1&input=${batch}`,
      `%63aseFile.download?input=${input}`,
    ]) {
      const response = await app.request(`${ORIGIN}/api/trpc/${path}`, { headers: { cookie: olle.cookie } })
      expect(response.status, path).toBe(404)
    }
  })
})

describe('uploads at once', () => {
  /** An upload whose body arrives only when `finish` is called, as a slow connection sends it. */
  function slowUpload(who: Browser | null) {
    const boundary = 'kundnav-slow'
    const encoder = new TextEncoder()
    let finish: () => void = () => {}
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="långsam.pdf"\r\n` +
              'Content-Type: application/pdf\r\n\r\n',
          ),
        )
        finish = () => {
          controller.enqueue(PDF)
          controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`))
          controller.close()
        }
      },
    })
    const response = app.request(`${ORIGIN}/api/files`, {
      method: 'POST',
      headers: { ...spaHeaders(who), 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit)
    return { response, finish: () => finish() }
  }

  it('answers a stranger 401 without reading the body, even one sent without Content-Length', async () => {
    const stranger = slowUpload(null)
    const answer = await Promise.race([
      stranger.response,
      new Promise<'still reading'>((resolve) => setTimeout(() => resolve('still reading'), 2_000)),
    ])
    stranger.finish()
    expect(answer === 'still reading' ? answer : answer.status).toBe(401)
  })

  it('refuses one person more uploads on their way in than a case takes, before reading the body', async () => {
    const anna = await browser(other, 'ADMIN')
    const slow = Array.from({ length: MAX_UPLOADS_IN_FLIGHT_PER_PERSON }, () => slowUpload(anna))
    // Each is counted once its session is read, before its body is.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const extra = slowUpload(anna)
    const refused = await extra.response
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_UPLOADS_AT_ONCE' })
    // Someone else is not counted with them.
    expect((await upload(await browser(home, 'CONTACT'), 'egen.pdf', PDF)).status).toBe(201)
    for (const { finish } of slow) finish()
    for (const { response } of slow) expect((await response).status).toBe(201)
    // Once they are in, the next one is taken.
    expect((await upload(anna, 'sedan.pdf', PDF)).status).toBe(201)
  })
})

describe('contentDisposition', () => {
  it('gives every name as UTF-8 and an ASCII stand-in', () => {
    expect(contentDisposition('a.pdf')).toBe(`attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`)
    expect(contentDisposition("Årsbesked (kopia)'s.pdf")).toBe(
      `attachment; filename="Arsbesked (kopia)'s.pdf"; filename*=UTF-8''%C3%85rsbesked%20%28kopia%29%27s.pdf`,
    )
    expect(contentDisposition('日本.txt')).toBe(
      `attachment; filename="__.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt`,
    )
  })
})
