import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInLanguage } from '../../i18n/test-texts.tsx'
import { FileUploadField } from './file-upload-field.tsx'
import { type FileUploads, type UploadItem, UploadRefused, uploadCaseFile } from './use-file-uploads.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

function uploadsOf(items: UploadItem[]): FileUploads {
  return {
    items,
    fileIds: [],
    busy: items.filter((item) => item.state === 'uploading').length,
    failed: items.filter((item) => item.state === 'failed').length,
    announcements: [],
    add: () => {},
    remove: () => {},
    reset: () => {},
  }
}

const item = (name: string, state: UploadItem['state'], problem: string | null = null): UploadItem => ({
  key: name,
  name,
  size: 2048,
  state,
  fileId: state === 'done' ? '0193f5a0-0000-7000-8000-000000000001' : null,
  problem,
})

describe('FileUploadField', () => {
  it('shows the green dot named "Uppladdad", "Laddar upp …", and the refusal in the server’s words', () => {
    const html = renderInLanguage(
      <FileUploadField
        id="files"
        uploads={uploadsOf([
          item('beslut.pdf', 'done'),
          item('stor.pdf', 'uploading'),
          item('sida.html', 'failed', 'Filer av den typen tar vi inte emot.'),
        ])}
        error="Bifoga minst en fil: Lön → Beslut/Underlag kräver en bilaga."
      />,
    )
    expect(html).toContain('<label for="files"')
    expect(html).toContain('aria-describedby="files-hint files-error"')
    expect(html).toMatch(/role="img" aria-label="Uppladdad"[^>]*><\/span><span[^>]*>beslut\.pdf/)
    expect(html).toContain('Laddar upp …')
    expect(html).toContain('Inte uppladdad: Filer av den typen tar vi inte emot.')
    expect(html).toContain('Ta bort<span class="sr-only"> sida.html</span>')
    expect(html).toContain('aria-busy="true"')
  })
})

describe('uploadCaseFile', () => {
  const file = new File(['%PDF-1.4'], 'beslut.pdf', { type: 'application/pdf' })

  it('posts the file as FormData with the API headers and answers with the stored file', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ id: 'f1', name: 'beslut.pdf', size: 8, mediaType: 'application/pdf' }, { status: 201 }),
    )
    vi.stubGlobal('fetch', fetch)
    await expect(uploadCaseFile(file)).resolves.toEqual({
      id: 'f1',
      name: 'beslut.pdf',
      size: 8,
      mediaType: 'application/pdf',
    })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/files')
    expect(init.method).toBe('POST')
    expect((init.body as FormData).get('file')).toBeInstanceOf(File)
    expect(init.headers).toMatchObject({ 'x-kundnav-csrf': '1' })
  })

  it('rejects with the server’s sentence and code, or with just the status when it gave none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: 'Filen är tom.', code: 'FILE_EMPTY' }, { status: 400 })),
    )
    const refused = await uploadCaseFile(file).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(UploadRefused)
    expect(refused).toMatchObject({ message: 'Filen är tom.', code: 'FILE_EMPTY', status: 400 })

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Request Entity Too Large', { status: 413 })),
    )
    await expect(uploadCaseFile(file)).rejects.toMatchObject({ message: '', code: null, status: 413 })
  })
})
