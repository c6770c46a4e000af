import { MAX_FILE_BYTES, MAX_FILES_PER_CASE } from '@kundnav/schemas'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpcHeaders } from '../../lib/api.ts'
import { formatFileSize, usePageLanguage } from './case-format.ts'

/** What `POST /api/files` answers with a stored file (201). */
export interface UploadedFile {
  id: string
  name: string
  size: number
  mediaType: string
}

/** One file chosen under "Bifoga filer": on its way up, uploaded (with the server's id), or refused. */
export interface UploadItem {
  key: string
  name: string
  size: number
  state: 'uploading' | 'done' | 'failed'
  fileId: string | null
  /** Why it was refused: the server's own sentence, or the page's. */
  problem: string | null
}

/** The server refused the file and said why (`{ error: <Swedish message>, code }`). */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
  ) {
    super(message)
    this.name = 'UploadRefused'
  }
}

/**
 * Sends one file to `POST /api/files` (FormData field `file`), with the headers every call to the API sends
 * (the CSRF marker and the pair the page shows). Resolves with the stored file; rejects with UploadRefused
 * when the server said why, or with the fetch error itself (network, aborted).
 */
export async function uploadCaseFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const body = new FormData()
  body.append('file', file, file.name)
  const response = await fetch('/api/files', {
    method: 'POST',
    body,
    headers: trpcHeaders(),
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  })
  let json: unknown = null
  try {
    json = await response.json()
  } catch {
    json = null
  }
  const record = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {}
  if (response.ok && typeof record.id === 'string') {
    return {
      id: record.id,
      name: typeof record.name === 'string' ? record.name : file.name,
      size: typeof record.size === 'number' ? record.size : file.size,
      mediaType: typeof record.mediaType === 'string' ? record.mediaType : '',
    }
  }
  const message = typeof record.error === 'string' ? record.error : ''
  throw new UploadRefused(message, typeof record.code === 'string' ? record.code : null, response.status)
}

let counter = 0
function nextKey(): string {
  counter += 1
  return `upload-${counter}`
}

/**
 * "Bifoga filer" as state: each chosen file starts uploading at once; the list says of each whether it is
 * on its way, uploaded or refused (and why); `fileIds` are the uploaded ones, to send with the case or the
 * message; `busy` counts the uploads still running (the form is not sent meanwhile). `announcements` are the
 * changes since the person last chose or removed a file, for a live region ("rapport.pdf är uppladdad."):
 * files that finish together are each said, so a refused one is not drowned by the next one's success. `limit` is how many more files the case
 * may take (MAX_FILES_PER_CASE for a new case).
 */
/** One thing said in the live region; `key` keeps each its own node, so each is read once. */
export interface Announcement {
  key: string
  text: string
}

export function useFileUploads({ limit = MAX_FILES_PER_CASE }: { limit?: number } = {}) {
  const { t } = useTranslation()
  const language = usePageLanguage()
  const [items, setItems] = useState<UploadItem[]>([])
  const [announcements, setAnnouncements] = useState<Announcement[]>([])
  /** A person's own act (choose, remove) starts the announcements over. */
  const say = useCallback((text: string) => setAnnouncements([{ key: nextKey(), text }]), [])
  /** An upload that settles adds to them. */
  const tell = useCallback((text: string) => {
    if (mounted.current) setAnnouncements((current) => [...current, { key: nextKey(), text }])
  }, [])
  const controllers = useRef(new Map<string, AbortController>())
  const mounted = useRef(true)
  const itemsRef = useRef(items)
  itemsRef.current = items

  useEffect(() => {
    mounted.current = true
    const running = controllers.current
    return () => {
      mounted.current = false
      for (const controller of running.values()) controller.abort()
      running.clear()
    }
  }, [])

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    if (!mounted.current) return
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)))
  }, [])

  const refusedText = useCallback(
    (name: string, reason: string) => t('cases.files.refused', { name, reason }),
    [t],
  )

  const add = useCallback(
    (files: Iterable<File>) => {
      const chosen = [...files]
      if (chosen.length === 0) return
      let kept = itemsRef.current.filter((item) => item.state !== 'failed').length
      const added: UploadItem[] = []
      const messages: string[] = []
      for (const file of chosen) {
        const key = nextKey()
        let problem: string | null = null
        if (kept >= limit) problem = t('cases.files.tooMany', { count: limit })
        else if (file.size > MAX_FILE_BYTES)
          problem = t('cases.files.tooBig', { size: formatFileSize(MAX_FILE_BYTES, language) })
        if (problem) {
          added.push({ key, name: file.name, size: file.size, state: 'failed', fileId: null, problem })
          messages.push(refusedText(file.name, problem))
          continue
        }
        kept += 1
        added.push({ key, name: file.name, size: file.size, state: 'uploading', fileId: null, problem: null })
        const controller = new AbortController()
        controllers.current.set(key, controller)
        uploadCaseFile(file, controller.signal).then(
          (stored) => {
            controllers.current.delete(key)
            update(key, { state: 'done', fileId: stored.id, size: stored.size })
            tell(t('cases.files.done', { name: file.name }))
          },
          (error: unknown) => {
            controllers.current.delete(key)
            if (controller.signal.aborted) return
            const reason =
              error instanceof UploadRefused && error.message
                ? error.message
                : error instanceof UploadRefused && error.status === 413
                  ? t('cases.files.tooBig', { size: formatFileSize(MAX_FILE_BYTES, language) })
                  : t('cases.files.uploadFailed')
            update(key, { state: 'failed', problem: reason })
            tell(refusedText(file.name, reason))
          },
        )
      }
      setItems((current) => [...current, ...added])
      say(messages.length > 0 ? messages.join(' ') : t('cases.files.busy', { count: added.length }))
    },
    [limit, language, refusedText, say, t, tell, update],
  )

  const remove = useCallback(
    (key: string) => {
      controllers.current.get(key)?.abort()
      controllers.current.delete(key)
      const item = itemsRef.current.find((candidate) => candidate.key === key)
      setItems((current) => current.filter((candidate) => candidate.key !== key))
      if (item) say(t('cases.files.removed', { name: item.name }))
    },
    [say, t],
  )

  /** After the case or message was sent: the files are its now, the field starts empty. */
  const reset = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort()
    controllers.current.clear()
    setItems([])
    setAnnouncements([])
  }, [])

  return {
    items,
    fileIds: items.flatMap((item) => (item.state === 'done' && item.fileId ? [item.fileId] : [])),
    busy: items.filter((item) => item.state === 'uploading').length,
    failed: items.filter((item) => item.state === 'failed').length,
    announcements,
    add,
    remove,
    reset,
  }
}

export type FileUploads = ReturnType<typeof useFileUploads>
