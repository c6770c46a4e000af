/**
 * What a ZIP archive (DOCX and XLSX are ZIPs) says it unpacks to, read from its central directory without
 * unpacking anything: the number of entries and the sum of their uncompressed sizes. An archive that does
 * not say (ZIP64 markers, a missing or cut directory) answers null. Written by hand because only these
 * two numbers are needed: a ZIP library would unpack or stream entries to tell them.
 */
export interface ZipInflation {
  entries: number
  uncompressedBytes: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff

export function zipInflation(bytes: Uint8Array): ZipInflation | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const entries = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (entries === 0xffff || directoryOffset === 0xffffffff) return null
  let at = directoryOffset
  let uncompressedBytes = 0
  for (let index = 0; index < entries; index++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null
    const size = view.getUint32(at + 24, true)
    if (size === 0xffffffff) return null
    uncompressedBytes += size
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return { entries, uncompressedBytes }
}
