/**
 * A first look at an untrusted zip, before jszip builds anything from it: the central
 * directory and each local header are walked the way jszip 3.10 walks them (last end record,
 * the same offsets), so the entry count, every name jszip could use, the declared sizes and
 * the file types are known and bounded while nothing has been allocated or inflated yet.
 * Zip layout: PKWARE APPNOTE.TXT §4.3.
 */
import { entryPath, entryPathProblem, showPath } from './entry-path'
import { formatBytes } from './limits'
import type { ImportLimits } from './limits'

export interface ScannedEntry {
  /** The name jszip will use (local header, or the Unicode path field), as written. */
  name: string
  dir: boolean
  /** Declared uncompressed size. */
  size: number
}

export type ScanResult = { ok: true; entries: ScannedEntry[] } | { ok: false; error: string }

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_END64 = 0x06064b50
const SIG_LOCATOR64 = 0x07064b50
const MAX32 = 0xffffffff
const MAX16 = 0xffff
const MADE_BY_UNIX = 3
const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const FLAG_ENCRYPTED = 0x1
const FLAG_DESCRIPTOR = 0x8
const STORE = 0
const DEFLATE = 8

/** Thrown inside the scan; becomes the refusal message. */
class Refusal extends Error {}

class Reader {
  constructor(readonly bytes: Uint8Array) {}

  has(offset: number, length: number): boolean {
    return offset >= 0 && length >= 0 && offset + length <= this.bytes.length
  }

  need(offset: number, length: number): void {
    if (!this.has(offset, length))
      throw new Refusal('the zip is truncated or damaged (a record points past its end)')
  }

  u16(offset: number): number {
    this.need(offset, 2)
    return (this.bytes[offset] as number) | ((this.bytes[offset + 1] as number) << 8)
  }

  u32(offset: number): number {
    this.need(offset, 4)
    return (this.u16(offset) + this.u16(offset + 2) * 0x10000) >>> 0
  }

  /** A 64-bit field; anything past 2^53 is as good as infinite here. */
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 0x100000000
  }

  slice(offset: number, length: number): Uint8Array {
    this.need(offset, length)
    return this.bytes.subarray(offset, offset + length)
  }

  /** Last offset of a 4-byte signature, as jszip's `lastIndexOfSignature` finds it. */
  lastIndexOf(sig: number): number {
    for (let i = this.bytes.length - 4; i >= 0; i--) {
      if (this.bytes[i] === 0x50 && this.bytes[i + 1] === 0x4b && this.u32(i) === sig) return i
    }
    return -1
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

interface End {
  count: number
  cdOffset: number
  /** Bytes prepended to the zip (a self-extractor stub); jszip shifts every offset by them. */
  zero: number
}

function readEnd(r: Reader): End {
  const end = r.lastIndexOf(SIG_END)
  if (end < 0) throw new Refusal('it is not a zip (no end of central directory record)')
  r.need(end, 22)
  // jszip reads the zip comment too, and fails when it runs past the end.
  r.need(end + 22, r.u16(end + 20))
  let count = r.u16(end + 10)
  let cdSize = r.u32(end + 12)
  let cdOffset = r.u32(end + 16)
  let expected = cdOffset + cdSize
  const zip64 =
    r.u16(end + 4) === MAX16 ||
    r.u16(end + 6) === MAX16 ||
    r.u16(end + 8) === MAX16 ||
    count === MAX16 ||
    cdSize === MAX32 ||
    cdOffset === MAX32
  if (zip64) {
    const locator = r.lastIndexOf(SIG_LOCATOR64)
    if (locator < 0) throw new Refusal('the zip is damaged (its zip64 locator is missing)')
    if (r.u32(locator + 16) > 1) throw new Refusal('multi-volume zips are not supported')
    let at = r.u64(locator + 8)
    if (!r.has(at, 4) || r.u32(at) !== SIG_END64) at = r.lastIndexOf(SIG_END64)
    if (at < 0) throw new Refusal('the zip is damaged (its zip64 end record is missing)')
    r.need(at, 56)
    // jszip 3.10 cannot step over zip64 extensible data (its loop never advances).
    if (r.u64(at + 4) > 44)
      throw new Refusal('the zip uses zip64 extensible data, which cannot be read')
    count = r.u64(at + 32)
    cdSize = r.u64(at + 40)
    cdOffset = r.u64(at + 48)
    expected = cdOffset + cdSize + 20 + 12 + r.u64(at + 4)
  }
  const extra = end - expected
  if (extra < 0) throw new Refusal('the zip is truncated (its end record points past the data)')
  return { count, cdOffset, zero: extra }
}

/** Extra fields of a central record, id -> value (zip64 sizes, Unicode path). */
function extraFields(r: Reader, start: number, length: number): Map<number, Uint8Array> {
  const fields = new Map<number, Uint8Array>()
  let i = start
  while (i + 4 < start + length) {
    const id = r.u16(i)
    const size = r.u16(i + 2)
    // Like jszip, a field may run past the extra block, but not past the zip.
    fields.set(id, r.slice(i + 4, size))
    i += 4 + size
  }
  return fields
}

function zip64Sizes(
  field: Uint8Array | undefined,
  sizes: { size: number; compressed: number; local: number },
): void {
  if (!field) return
  const r = new Reader(field)
  let at = 0
  const next = () => {
    const v = r.has(at, 8) ? r.u64(at) : Number.POSITIVE_INFINITY
    at += 8
    return v
  }
  if (sizes.size === MAX32) sizes.size = next()
  if (sizes.compressed === MAX32) sizes.compressed = next()
  if (sizes.local === MAX32) sizes.local = next()
}

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
