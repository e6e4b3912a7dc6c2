/**
 * A first look at an untrusted zip, before jszip builds anything from it: the central
 * directory and each local header are walked the way jszip 3.10 walks them (last end record,
 * the same offsets), so the entry count, every name jszip could use, the declared sizes and
 * the file types are known and bounded while nothing has been allocated or inflated yet.
 */
import { entryPath, entryPathProblem, showPath } from './entry-path'
import { formatBytes } from './limits'
import type { ImportLimits } from './limits'
import {
  DEFLATE,
  FLAG_DESCRIPTOR,
  FLAG_ENCRYPTED,
  MADE_BY_UNIX,
  MAX32,
  Reader,
  Refusal,
  SIG_CENTRAL,
  SIG_LOCAL,
  STORE,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  decodeName,
  extraFields,
  readEnd,
  sameBytes,
  zip64Sizes,
} from './zip-records'

export interface ScannedEntry {
  /** The name jszip will use (local header, or the Unicode path field), as written. */
  name: string
  dir: boolean
  /** Declared uncompressed size. */
  size: number
}

export type ScanResult = { ok: true; entries: ScannedEntry[] } | { ok: false; error: string }

type Limits = Pick<ImportLimits, 'maxEntries' | 'maxBytes' | 'maxFileBytes' | 'maxPathLength'>

function scan(bytes: Uint8Array, limits: Limits): ScannedEntry[] {
  const r = new Reader(bytes)
  const { count, cdOffset, zero } = readEnd(r)
  const entries: ScannedEntry[] = []
  const kinds = new Map<string, 'file' | 'folder'>()
  let total = 0
  let at = zero + cdOffset
  while (r.has(at, 4) && r.u32(at) === SIG_CENTRAL) {
    if (entries.length >= limits.maxEntries)
      throw new Refusal(`the zip holds more than ${limits.maxEntries} entries`)
    r.need(at, 46)
    const madeBy = r.u16(at + 4) >> 8
    const flags = r.u16(at + 8)
    const method = r.u16(at + 10)
    const sizes = { compressed: r.u32(at + 20), size: r.u32(at + 24), local: r.u32(at + 42) }
    const nameLength = r.u16(at + 28)
    const extraLength = r.u16(at + 30)
    const commentLength = r.u16(at + 32)
    const external = r.u32(at + 38)
    const centralName = r.slice(at + 46, nameLength)
    const extra = extraFields(r, at + 46 + nameLength, extraLength)
    r.need(at + 46 + nameLength + extraLength, commentLength)
    at += 46 + nameLength + extraLength + commentLength
    zip64Sizes(extra.get(0x0001), sizes)
    if (sizes.size === MAX32 || sizes.compressed === MAX32)
      throw new Refusal(
        `the entry ${showPath(decodeName(centralName))} is damaged (its sizes point to a zip64 field it lacks)`,
      )

    const shown = showPath(decodeName(centralName))
    if (flags & FLAG_ENCRYPTED) throw new Refusal(`the entry ${shown} is encrypted`)
    const local = zero + sizes.local
    if (!r.has(local, 30) || r.u32(local) !== SIG_LOCAL)
      throw new Refusal(`the entry ${shown} has no local header where the zip says it is`)
    const localName = r.slice(local + 30, r.u16(local + 26))
    const dataStart = local + 30 + localName.length + r.u16(local + 28)
    if (!r.has(dataStart, sizes.compressed))
      throw new Refusal(`the entry ${shown} is truncated: its data runs past the end of the zip`)
    if (!sameBytes(localName, centralName))
      throw new Refusal(`the entry ${shown} has another name in its local header`)
    const unicode = extra.get(0x7075)
    const names = [decodeName(centralName)]
    if (unicode && unicode.length > 5) names.push(decodeName(unicode.subarray(5)))
    for (const n of names) {
      const problem = entryPathProblem(n, limits)
      if (problem) throw new Refusal(`the entry ${showPath(n)} ${problem}`)
    }
    const name = names[names.length - 1] as string

    const type = (madeBy === MADE_BY_UNIX ? external >>> 16 : 0) & S_IFMT
    if (type === S_IFLNK) throw new Refusal(`the entry ${shown} is a symbolic link`)
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
      throw new Refusal(`the entry ${shown} is a special file (a device, a socket or a FIFO)`)
    // jszip's rule; it looks up the compression of folders too, and fails on an unknown one.
    const dir = (external & 0x10) !== 0 || name.endsWith('/')
    // jszip files such an entry as a folder but then looks it up as a file, and crashes.
    if (type === S_IFDIR && !dir)
      throw new Refusal(`the entry ${shown} is marked as a folder but its name lacks the final /`)
    if (method !== STORE && method !== DEFLATE)
      throw new Refusal(
        `the entry ${shown} uses compression method ${method}; only stored and deflated files can be read`,
      )
    if (!dir) {
      if (!(flags & FLAG_DESCRIPTOR)) {
        const localCompressed = r.u32(local + 18)
        const localSize = r.u32(local + 22)
        if (
          (localSize !== MAX32 && localSize !== sizes.size) ||
          (localCompressed !== MAX32 && localCompressed !== sizes.compressed)
        )
          throw new Refusal(`the entry ${shown} declares different sizes in its two headers`)
      }
      if (method === STORE && sizes.compressed !== sizes.size)
        throw new Refusal(
          `the entry ${shown} declares ${sizes.size} bytes but stores ${sizes.compressed}`,
        )
      if (sizes.size > limits.maxFileBytes)
        throw new Refusal(
          `the entry ${shown} unpacks to ${formatBytes(sizes.size)}, more than the ${formatBytes(limits.maxFileBytes)} allowed for one file`,
        )
      total += sizes.size
      if (total > limits.maxBytes)
        throw new Refusal(
          `the zip unpacks to more than the ${formatBytes(limits.maxBytes)} allowed in all`,
        )
    }
    const path = entryPath(name)
    if (path === '' && !dir) throw new Refusal(`the entry ${shown} has no name`)
    if (path !== '') {
      const kind = dir ? 'folder' : 'file'
      const seen = kinds.get(path)
      if (seen !== undefined && (seen === 'file' || kind === 'file'))
        throw new Refusal(
          seen === kind
            ? `the zip holds ${showPath(path)} twice`
            : `the zip holds ${showPath(path)} both as a file and as a folder`,
        )
      kinds.set(path, kind)
    }
    entries.push({ name, dir, size: dir ? 0 : sizes.size })
  }
  if (entries.length === 0 && count !== 0)
    throw new Refusal('the zip is damaged (no entry where its end record says its index starts)')
  return entries
}

/**
 * Walks a zip's central directory and local headers without inflating anything, and refuses
 * it when it is not a zip, is damaged, or holds an entry an import must not take: too many
 * entries, unsafe names (`..`, absolute, control characters, not UTF-8), symbolic links,
 * encryption, unknown compression, declared sizes over the limits or contradicting each other,
 * a path given twice. Never throws.
 *
 * @example
 * const scanned = scanZip(bytes, IMPORT_LIMITS)
 * if (!scanned.ok) return { ok: false, error: scanned.error }
 */
export function scanZip(bytes: Uint8Array, limits: Limits): ScanResult {
  try {
    return { ok: true, entries: scan(bytes, limits) }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message }
    return {
      ok: false,
      error: `the zip could not be read (${error instanceof Error ? error.message : String(error)})`,
    }
  }
}
