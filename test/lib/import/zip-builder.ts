/**
 * A byte-level zip writer for tests: every header field can be set on its own, so the tests
 * can build the archives a careful writer never would (lying sizes, `..` names, links, names
 * that differ between the two headers). Layout: PKWARE APPNOTE.TXT §4.3.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib'

export interface RawEntry {
  /** Name in the central directory (and the local header unless `localName` is set). */
  name: string | Uint8Array
  data?: string | Uint8Array
  /** 0 stored, 8 deflated (default), or anything else for an unknown method. */
  method?: number
  /** Declared uncompressed size, in both headers (default: the real size). */
  size?: number
  /** Declared compressed size (default: the real one). */
  compressedSize?: number
  localName?: string | Uint8Array
  /** UNIX mode with its type bits, for example 0o120777 for a link; made on UNIX when set. */
  mode?: number
  /** General purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8). */
  flags?: number
  /** Extra field of the central record. */
  extra?: Uint8Array
  /** Bytes stored as the entry's data as they are, for example a hand-made deflate stream. */
  compressed?: Uint8Array
}

const encoder = new TextEncoder()
const bytesOf = (v: string | Uint8Array) => (typeof v === 'string' ? encoder.encode(v) : v)

function header(size: number): { buf: Uint8Array; view: DataView } {
  const buf = new Uint8Array(size)
  return { buf, view: new DataView(buf.buffer) }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** The zip of `entries`, in order. */
export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const name = bytesOf(e.name)
    const localName = bytesOf(e.localName ?? e.name)
    const data = bytesOf(e.data ?? '')
    const method = e.method ?? 8
    const stored = e.compressed ?? (method === 8 ? new Uint8Array(deflateRawSync(data)) : data)
    const size = e.size ?? data.length
    const compressed = e.compressedSize ?? stored.length
    const crc = crc32(data)
    const flags = e.flags ?? 0x800
    const local = header(30)
    local.view.setUint32(0, 0x04034b50, true)
    local.view.setUint16(4, 20, true)
    local.view.setUint16(6, flags, true)
    local.view.setUint16(8, method, true)
    local.view.setUint32(14, crc, true)
    local.view.setUint32(18, compressed, true)
    local.view.setUint32(22, size, true)
    local.view.setUint16(26, localName.length, true)
    locals.push(local.buf, localName, stored)
    const extra = e.extra ?? new Uint8Array()
    const central = header(46)
    central.view.setUint32(0, 0x02014b50, true)
    central.view.setUint16(4, e.mode !== undefined ? 0x031e : 0x0014, true)
    central.view.setUint16(6, 20, true)
    central.view.setUint16(8, flags, true)
    central.view.setUint16(10, method, true)
    central.view.setUint32(16, crc, true)
    central.view.setUint32(20, compressed, true)
    central.view.setUint32(24, size, true)
    central.view.setUint16(28, name.length, true)
    central.view.setUint16(30, extra.length, true)
    const dosDir = name[name.length - 1] === 0x2f ? 0x10 : 0
    central.view.setUint32(38, ((e.mode ?? 0) << 16) | dosDir, true)
    central.view.setUint32(42, offset, true)
    centrals.push(central.buf, name, extra)
    offset += 30 + localName.length + stored.length
  }
  const directory = concat(centrals)
  const end = header(22)
  end.view.setUint32(0, 0x06054b50, true)
  end.view.setUint16(8, entries.length, true)
  end.view.setUint16(10, entries.length, true)
  end.view.setUint32(12, directory.length, true)
  end.view.setUint32(16, offset, true)
  return concat([...locals, directory, end.buf])
}

/** Raw deflate of `mib` MiB of zeros, one compressed MiB repeated (full flushes): a bomb. */
export function zerosDeflated(mib: number): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH })
  const end = deflateRawSync(Buffer.alloc(0))
  return new Uint8Array(Buffer.concat([...Array.from({ length: mib }, () => chunk), end]))
}

/** A text file entry made on UNIX with mode 0644 (0755 when `executable`). */
export function fileEntry(name: string, data: string, executable = false): RawEntry {
  return { name, data, mode: 0o100000 | (executable ? 0o755 : 0o644) }
}
