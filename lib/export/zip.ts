/**
 * Zip adapter. Writes a FileMap as a deterministic zip (sorted entries, explicit folder entries,
 * fixed dates, UNIX modes so the exec bit survives) through the linear writer in zip-writer.ts,
 * and reads zips back with jszip (the only module that imports it) for the importer and tests.
 */
import JSZip from 'jszip'
import { CENTRAL_HEADER, LOCAL_HEADER, writeZip } from './zip-writer'
import type { ZipEntry, ZipSizeHint } from './zip-writer'
import { directoriesOf } from '../generate/file-map'
import type { FileMap, GeneratedFile } from '../generate/file-map'
import { fileRecord, normalizePath } from '../graph/tree-input'

/**
 * The date stamped on every entry. jszip writes the DOS date and time from the UTC fields of
 * the Date, so the bytes do not depend on the machine's time zone.
 */
export const ZIP_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0))

const S_IFDIR = 0o040000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000
const S_IFMT = 0o170000

const EMPTY = new Uint8Array(0)

/** Files smaller than this many bytes are stored, not deflated. */
const STORE_BELOW = 256

/** Code-unit order (the default sort's). */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The files as a zip: folders 0755 (as explicit entries), executables 0755, the rest 0644,
 * made on "UNIX" so unzip restores the modes, DEFLATE-compressed (files under 256 bytes
 * stored), entries in path order.
 * Two calls with the same files give the same bytes.
 *
 * @example
 * const bytes = await zipFiles(exportFiles(graph))
 */
export async function zipFiles(files: FileMap): Promise<Uint8Array> {
  const sorted = inPathOrder(files)
  const hint: ZipSizeHint = { local: 0, central: 0, count: 0 }
  for (const [path, file] of withFolders(sorted())) {
    hint.local += LOCAL_HEADER + path.length + (file?.contents.length ?? 0)
    hint.central += CENTRAL_HEADER + path.length
    hint.count++
  }
  return writeZip(encodedEntries(withFolders(sorted())), ZIP_DATE, hint)
}

type FileEntry = [string, GeneratedFile]

/** The files in code-unit order of their paths (as sorting them does): the map's own order when it is sorted already, as an export's is. */
function inPathOrder(files: FileMap): () => Iterable<FileEntry> {
  let previous: string | undefined
  for (const path of files.keys()) {
    if (previous !== undefined && previous >= path) {
      const entries = [...files.entries()].sort(([a], [b]) => byPath(a, b))
      return () => entries
    }
    previous = path
  }
  return () => files.entries()
}

/**
 * The zip's entries in path order: each folder (`a/b/`, null) right before the first file in
 * it, then the file. In path order the paths under a folder come together, right after the
 * folder, so the folders to add before a file are those of its path that the last file's
 * path does not share: every folder once, in place, without collecting and sorting them.
 */
function* withFolders(files: Iterable<FileEntry>): Generator<[string, GeneratedFile | null]> {
  // The last file's folder, with its trailing `/` ('' at the top).
  let open = ''
  for (const entry of files) {
    const path = entry[0]
    const slash = path.lastIndexOf('/')
    if (slash + 1 !== open.length || !path.startsWith(open)) {
      const folder = path.slice(0, slash + 1)
      let same = 0
      const end = Math.min(open.length, folder.length)
      while (same < end && open.charCodeAt(same) === folder.charCodeAt(same)) same++
      // A folder ends at each `/` from the first difference on (a path's leading `/` is none).
      for (let i = folder.indexOf('/', Math.max(same, 1)); i >= 0; i = folder.indexOf('/', i + 1)) {
        yield [folder.slice(0, i + 1), null]
      }
      open = folder
    }
    yield entry
  }
}

/**
 * The entries as UTF-8, one at a time, each file encoded into one reused buffer: a hundred
 * thousand files would otherwise be a hundred thousand array buffers alive at once, which the
 * garbage collector has to walk again and again while the zip is written.
 */
function* encodedEntries(entries: Iterable<[string, GeneratedFile | null]>): Generator<ZipEntry> {
  const encoder = new TextEncoder()
  let buffer = new Uint8Array(1 << 16)
  for (const [path, file] of entries) {
    if (file === null) {
      yield { path, data: EMPTY, mode: S_IFDIR | 0o755, deflate: false }
      continue
    }
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (buffer.length < file.contents.length * 3) buffer = new Uint8Array(file.contents.length * 3)
    const data = buffer.subarray(0, encoder.encodeInto(file.contents, buffer).written)
    yield {
      path,
      data,
      mode: S_IFREG | (file.executable ? 0o755 : 0o644),
      // Deflating a file of a few bytes saves nothing.
      deflate: data.length >= STORE_BELOW,
    }
  }
}

export interface ZipContents {
  /** Regular files: POSIX path -> bytes. */
  files: Record<string, Uint8Array>
  /** Folders, from folder entries and from the files' paths, sorted. */
  dirs: string[]
  /** Permission bits (for example 0o755) of the entries that carry UNIX modes. */
  modes: Record<string, number>
  /** Files with an execute bit; absent when the zip carries no UNIX modes at all. */
  executables?: string[]
  /** Entries stored as symbolic links (never followed, not in `files`). */
  symlinks: string[]
}

export interface ReadZipOptions {
  /** Refuse zips with more entries than this (default 20,000). */
  maxEntries?: number
  /** Refuse zips whose files add up to more bytes than this (default 200 MB). */
  maxBytes?: number
  /** Refuse any one file that unpacks to more bytes than this (default: `maxBytes`). */
  maxFileBytes?: number
  /**
   * For untrusted zips: refuse, instead of leaving out, entries whose names climb out (`..`),
   * are absolute (`/etc/x`, `C:\\x`) or hold control characters or undecodable bytes, symbolic
   * links, and files that unpack to another size than the one they declare.
   */
  strict?: boolean
}

/** A zip refused by `readZip` for its contents or its limits; the message names the entry. */
export class ZipRefusedError extends Error {}

/** Why an entry name is unsafe to unpack, for strict reads. */
function unsafeName(name: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(name)) return 'has a control character in its name'
  if (name.includes('\ufffd')) return 'has a name that is not valid UTF-8'
  const slashed = name.replace(/\\/g, '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'is an absolute path'
  if (slashed.split('/').includes('..')) return 'climbs out of the folder with ..'
  return undefined
}

/**
 * The uncompressed size the zip declares for an entry. jszip keeps it on its internal
 * CompressedObject (`_data`, absent from its typings); reading it lets sizes be checked before
 * anything is inflated.
 */
function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data
  const size = data?.uncompressedSize
  if (typeof size !== 'number') return undefined
  // jszip reads the 32-bit field as a signed number: sizes from 2 GiB up come out negative.
  return size < 0 ? size >>> 0 : size
}

/** `ZipObject#internalStream` is public in jszip's docs but missing from its typings. */
interface Streamable {
  internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>
}

/**
 * Inflates one entry chunk by chunk (jszip feeds the inflater 16 KB at a time) and stops as
 * soon as more than `limit` bytes come out, so a zip bomb never gets the memory it asks for.
 */
function inflate(
  entry: JSZip.JSZipObject,
  limit: number,
  tooBig: (size: number) => Error,
): Promise<{ data: Uint8Array } | { error: unknown; size: number }> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = []
    let size = 0
    let settled = false
    const helper = (entry as unknown as Streamable).internalStream('uint8array')
    const settle = (value: { data: Uint8Array } | { error: unknown; size: number }) => {
      if (settled) return
      settled = true
      resolve(value)
    }
    helper
      .on('data', (chunk) => {
        if (settled) return
        size += chunk.length
        if (size > limit) {
          helper.pause()
          settle({ error: tooBig(size), size })
          return
        }
        chunks.push(chunk)
      })
      .on('error', (error) => settle({ error, size }))
      .on('end', () => {
        const data = new Uint8Array(size)
        let offset = 0
        for (const c of chunks) {
          data.set(c, offset)
          offset += c.length
        }
        settle({ data })
      })
      .resume()
  })
}

/**
 * Reads a zip into plain data (the shape `readTree` takes, plus modes). Declared sizes are
 * checked before anything is inflated, and inflating stops at the limits. Without `strict`,
 * entries whose names climb out with `..` are left out; with it, the zip is refused
 * (`ZipRefusedError`). Rejects when the bytes are not a zip or exceed the limits.
 */
export async function readZip(
  bytes: Uint8Array,
  options: ReadZipOptions = {},
): Promise<ZipContents> {
  const maxEntries = options.maxEntries ?? 20_000
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024
  const maxFileBytes = Math.min(options.maxFileBytes ?? maxBytes, maxBytes)
  const strict = options.strict === true
  const refuse = (message: string) => new ZipRefusedError(message)
  const zip = await JSZip.loadAsync(bytes, { createFolders: false })
  const entries = Object.values(zip.files).sort((a, b) => byPath(a.name, b.name))
  if (entries.length > maxEntries)
    throw refuse(`the zip holds ${entries.length} entries, more than ${maxEntries}`)
  let declaredTotal = 0
  for (const entry of entries) {
    // jszip already resolves `..` in `name`; the original name tells whether one was there.
    const raw = entry.unsafeOriginalName ?? entry.name
    const problem = strict ? unsafeName(raw) : undefined
    if (problem) throw refuse(`the entry ${JSON.stringify(raw)} ${problem}`)
    const declared = entry.dir ? 0 : (declaredSize(entry) ?? 0)
    if (declared > maxFileBytes)
      throw refuse(
        `the entry ${JSON.stringify(raw)} declares ${declared} bytes, more than the ${maxFileBytes} allowed for one file`,
      )
    declaredTotal += declared
    if (declaredTotal > maxBytes)
      throw refuse(`the zip declares more than ${maxBytes} bytes once unpacked`)
  }
  const files = fileRecord()
  const dirs = new Set<string>()
  const modes = fileRecord<number>()
  const executables: string[] = []
  const symlinks: string[] = []
  let anyMode = false
  let total = 0
  for (const entry of entries) {
    const raw = entry.unsafeOriginalName ?? entry.name
    // `a/./b//c/` -> `a/b/c`; nothing for entries that climb out (`..`) or name no file.
    const path = normalizePath(raw) || undefined
    if (path === undefined) continue
    const mode = typeof entry.unixPermissions === 'number' ? entry.unixPermissions : undefined
    if (mode !== undefined) {
      anyMode = true
      modes[path] = mode & 0o7777
    }
    if (entry.dir || (mode !== undefined && (mode & S_IFMT) === S_IFDIR)) {
      dirs.add(path)
      continue
    }
    if (mode !== undefined && (mode & S_IFMT) === S_IFLNK) {
      if (strict) throw refuse(`the entry ${JSON.stringify(raw)} is a symbolic link`)
      symlinks.push(path)
      continue
    }
    const declared = declaredSize(entry)
    const exact = strict && declared !== undefined
    const limit = exact ? declared : Math.min(maxFileBytes, maxBytes - total)
    const read = await inflate(entry, limit, (size) =>
      exact
        ? refuse(
            `the entry ${JSON.stringify(raw)} unpacks to more than the ${declared} bytes it declares`,
          )
        : size > maxFileBytes
          ? refuse(`the entry ${JSON.stringify(raw)} unpacks to more than ${maxFileBytes} bytes`)
          : refuse(`the zip unpacks to more than ${maxBytes} bytes`),
    )
    if ('error' in read) {
      if (read.error instanceof ZipRefusedError) throw read.error
      const message = read.error instanceof Error ? read.error.message : String(read.error)
      if (/size mismatch/.test(message))
        throw refuse(
          `the entry ${JSON.stringify(raw)} unpacks to ${read.size} bytes, not the ${declared ?? 0} it declares`,
        )
      throw new Error(`the entry ${JSON.stringify(raw)} cannot be unpacked (${message})`)
    }
    total += read.data.length
    files[path] = read.data
    if (mode !== undefined && (mode & 0o111) !== 0) executables.push(path)
  }
  for (const d of directoriesOf([...Object.keys(files), ...symlinks])) dirs.add(d)
  return {
    files,
    dirs: [...dirs].sort(byPath),
    modes,
    ...(anyMode ? { executables } : {}),
    symlinks,
  }
}
