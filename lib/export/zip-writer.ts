/**
 * A small, linear, deterministic zip writer (PKWARE APPNOTE 6.3): local headers, central
 * directory, ZIP64 end records when there are more than 65,535 entries.
 *
 * Why not jszip's generator: it takes each entry off an array with `shift()`, which V8 makes
 * O(n) once the array is large, so 130,000 entries (a 10,000-service export) took 17 s and grew
 * 29 times from 1,000 to 10,000 services. jszip still reads zips (lib/export/zip.ts). Compression
 * is pako's raw DEFLATE, the same code in Node and browsers, so the browser's download and the
 * CLI's zip are the same bytes.
 */
import pako from 'pako'

export interface ZipEntry {
  /** POSIX path; folders end with `/`. */
  path: string
  /** The contents; read only until the next entry is asked for (it may be a reused buffer). */
  data: Uint8Array
  /** Full st_mode, for example 0o100644 or 0o040755. */
  mode: number
  /** Deflate this entry (else it is stored). */
  deflate: boolean
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** DOS time and date fields for a UTC date (zip has no time zone). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  }
}

/** Growable little-endian byte buffer. */
class Bytes {
  private buf: Uint8Array
  length = 0
  constructor(capacity = 0) {
    this.buf = new Uint8Array(capacity > 0 ? capacity : 1 << 16)
  }
  private ensure(extra: number) {
    if (this.length + extra <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.length + extra) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }
  u16(v: number) {
    this.ensure(2)
    this.buf[this.length++] = v & 0xff
    this.buf[this.length++] = (v >>> 8) & 0xff
  }
  u32(v: number) {
    this.u16(v & 0xffff)
    this.u16((v >>> 16) & 0xffff)
  }
  u64(v: number) {
    this.u32(v % 0x100000000)
    this.u32(Math.floor(v / 0x100000000))
  }
  bytes(data: Uint8Array) {
    this.ensure(data.length)
    this.buf.set(data, this.length)
    this.length += data.length
  }
  /** Writes `s` as UTF-8 (ASCII byte by byte, the rest through `encoder`); returns its length. */
  text(s: string, encoder: TextEncoder): number {
    this.ensure(s.length)
    const start = this.length
    let i = 0
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c > 0x7f) break
      this.buf[this.length++] = c
    }
    if (i < s.length) {
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      this.ensure((s.length - i) * 3)
      this.length += encoder.encodeInto(s.slice(i), this.buf.subarray(this.length)).written
    }
    return this.length - start
  }
  /** Writes `length` bytes of what `from` holds at `start`. */
  copy(from: Bytes, start: number, length: number) {
    this.ensure(length)
    this.buf.set(from.buf.subarray(start, start + length), this.length)
    this.length += length
  }
  /** Overwrites the 16-bit value at `at`. */
  patch16(at: number, v: number) {
    this.buf[at] = v & 0xff
    this.buf[at + 1] = (v >>> 8) & 0xff
  }
  /** What was written: the buffer itself when it is exactly full, else a copy. */
  result(): Uint8Array {
    return this.length === this.buf.length ? this.buf : this.buf.slice(0, this.length)
  }
  /** What was written, without a copy; valid until the next write. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length)
  }
}

/** Expected sizes, so that the buffers are allocated once: ASCII names and stored contents. */
export interface ZipSizeHint {
  /** Local headers, names and contents. */
  local: number
  /** Central directory. */
  central: number
  /** Entries. */
  count: number
}

/** Local header and central directory record sizes before the name. */
export const LOCAL_HEADER = 30
export const CENTRAL_HEADER = 46
/** The end of central directory record, with the ZIP64 end record and locator before it past 65,535 entries. */
function endRecords(count: number): number {
  return count > 0xffff ? 56 + 20 + 22 : 22
}

const UTF8_FLAG = 0x0800
const MADE_BY_UNIX = (3 << 8) | 20

/**
 * The zip of `entries`, in the order given, every entry dated `date`. Each entry is written
 * before the next is asked for, so a generator can hand them over one by one. With `hint`, the
 * buffers start at the expected size instead of doubling their way there (a 10,000-service
 * export is about 30 MB of headers and names).
 */
export function writeZip(entries: Iterable<ZipEntry>, date: Date, hint?: ZipSizeHint): Uint8Array {
  const { time, date: day } = dosDateTime(date)
  const encoder = new TextEncoder()
  const out = new Bytes(hint ? hint.local + hint.central + endRecords(hint.count) : 0)
  const central = new Bytes(hint?.central)
  let count = 0
  for (const entry of entries) {
    count++
    const crc = crc32(entry.data)
    const body = entry.deflate ? pako.deflateRaw(entry.data, { level: 6 }) : entry.data
    const method = entry.deflate ? 8 : 0
    const needed = entry.deflate || entry.path.endsWith('/') ? 20 : 10
    const offset = out.length
    out.u32(0x04034b50)
    out.u16(needed)
    out.u16(UTF8_FLAG)
    out.u16(method)
    out.u16(time)
    out.u16(day)
    out.u32(crc)
    out.u32(body.length)
    out.u32(entry.data.length)
    const nameLengthAt = out.length
    out.u16(0) // the name's length, written below
    out.u16(0)
    // The name is encoded straight into the zip, and copied from there to the central record.
    const nameAt = out.length
    const nameLength = out.text(entry.path, encoder)
    out.patch16(nameLengthAt, nameLength)
    out.bytes(body)

    central.u32(0x02014b50)
    central.u16(MADE_BY_UNIX)
    central.u16(needed)
    central.u16(UTF8_FLAG)
    central.u16(method)
    central.u16(time)
    central.u16(day)
    central.u32(crc)
    central.u32(body.length)
    central.u32(entry.data.length)
    central.u16(nameLength)
    central.u16(0) // extra
    central.u16(0) // comment
    central.u16(0) // disk
    central.u16(0) // internal attributes
    // External attributes: the UNIX mode in the high half, the MS-DOS folder bit in the low.
    central.u32(((entry.mode & 0xffff) * 0x10000 + (entry.path.endsWith('/') ? 0x10 : 0)) >>> 0)
    central.u32(offset)
    central.copy(out, nameAt, nameLength)
  }
  const centralOffset = out.length
  const centralDir = central.view()
  out.bytes(centralDir)
  if (count > 0xffff) {
    // ZIP64 end of central directory record and locator, for more than 65,535 entries.
    const zip64At = out.length
    out.u32(0x06064b50)
    out.u64(44)
    out.u16(MADE_BY_UNIX)
    out.u16(45)
    out.u32(0)
    out.u32(0)
    out.u64(count)
    out.u64(count)
    out.u64(centralDir.length)
    out.u64(centralOffset)
    out.u32(0x07064b50)
    out.u32(0)
    out.u64(zip64At)
    out.u32(1)
  }
  out.u32(0x06054b50)
  out.u16(0)
  out.u16(0)
  out.u16(Math.min(count, 0xffff))
  out.u16(Math.min(count, 0xffff))
  out.u32(centralDir.length)
  out.u32(centralOffset)
  out.u16(0)
  return out.result()
}
