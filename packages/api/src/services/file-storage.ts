import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * Where uploaded files' bytes live, behind the smallest interface the portal needs, so an S3-compatible
 * store can take the local folder's place. Keys are made by the portal (never a file's own name).
 */
export interface FileStore {
  put(key: string, content: Uint8Array): Promise<void>
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Uint8Array | null>
  delete(key: string): Promise<void>
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/-]{0,199}$/

function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.includes('//'))
    throw new Error(`unsafe storage key ${key}`)
  return key
}

/** Files under a folder of the data directory (`DATA_DIR/files`). */
export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => join(root, checkedKey(key))
  return {
    async put(key, content) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      // "wx": a key is written once; an existing file is never overwritten.
      await writeFile(path, content, { flag: 'wx' })
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
  }
}

/** Files in memory: for tests and scripts. */
export function memoryFileStore(): FileStore & { keys(): string[] } {
  const files = new Map<string, Uint8Array>()
  return {
    async put(key, content) {
      checkedKey(key)
      if (files.has(key)) throw new Error(`${key} exists`)
      files.set(key, content)
    },
    async get(key) {
      return files.get(checkedKey(key)) ?? null
    },
    async delete(key) {
      files.delete(checkedKey(key))
    },
    keys: () => [...files.keys()],
  }
}
