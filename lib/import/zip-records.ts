/**
 * The zip records `scanZip` walks, read the way jszip 3.10 reads them: a bounds-checked byte
 * reader, the end of central directory record (zip64 included) and the extra fields.
 * Zip layout: PKWARE APPNOTE.TXT §4.3.
 */

export const SIG_LOCAL = 0x04034b50
export const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_END64 = 0x06064b50
const SIG_LOCATOR64 = 0x07064b50
export const MAX32 = 0xffffffff
const MAX16 = 0xffff
export const MADE_BY_UNIX = 3
export const S_IFMT = 0o170000
export const S_IFLNK = 0o120000
export const S_IFREG = 0o100000
export const S_IFDIR = 0o040000
export const FLAG_ENCRYPTED = 0x1
export const FLAG_DESCRIPTOR = 0x8
export const STORE = 0
export const DEFLATE = 8

/** Thrown inside the scan; becomes the refusal message. */
export class Refusal extends Error {}

/** Little-endian reads that refuse, rather than wrap, past the end. */
export class Reader {
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

/** A name as UTF-8 (lossy: bad bytes become U+FFFD, which the path check refuses). */
export function decodeName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Whether two byte strings are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export interface End {
  count: number
  cdOffset: number
  /** Bytes prepended to the zip (a self-extractor stub); jszip shifts every offset by them. */
  zero: number
}

/** The end record: entry count and where the central directory starts (jszip's way). */
export function readEnd(r: Reader): End {
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
export function extraFields(r: Reader, start: number, length: number): Map<number, Uint8Array> {
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

/** Replaces 0xFFFFFFFF sizes and offset with the zip64 field's 64-bit ones. */
export function zip64Sizes(
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
