/**
 * Zip adapter: the only module that imports jszip. Writes a FileMap as a deterministic zip
 * (sorted entries, explicit folder entries, fixed dates, UNIX modes so the exec bit survives)
 * and reads a zip back as plain data for the importer and the tests.
 */
import JSZip from 'jszip'
import { directoriesOf } from '../generate/file-map'
import type { FileMap } from '../generate/file-map'

/**
 * The date stamped on every entry. jszip writes the DOS date and time from the UTC fields of
 * the Date, so the bytes do not depend on the machine's time zone.
 */
export const ZIP_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0))

const S_IFDIR = 0o040000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000
const S_IFMT = 0o170000

/** Files smaller than this many bytes are stored, not deflated. */
const STORE_BELOW = 256

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
  const zip = new JSZip()
  const entries: Array<[string, { contents: string; executable: boolean } | null]> = [
    ...directoriesOf(files.keys()).map((d): [string, null] => [`${d}/`, null]),
    ...[...files.entries()],
  ]
  entries.sort(([a], [b]) => byPath(a, b))
  const encoder = new TextEncoder()
  for (const [path, file] of entries) {
    if (file === null) {
      zip.file(path, null, {
        dir: true,
        date: ZIP_DATE,
        unixPermissions: S_IFDIR | 0o755,
        createFolders: false,
      })
    } else {
      const data = encoder.encode(file.contents)
      zip.file(path, data, {
        date: ZIP_DATE,
        unixPermissions: S_IFREG | (file.executable ? 0o755 : 0o644),
        createFolders: false,
        binary: true,
        // Deflating a file of a few bytes saves nothing and costs a compressor each.
        compression: data.length < STORE_BELOW ? 'STORE' : 'DEFLATE',
      })
    }
  }
  return zip.generateAsync({
    type: 'uint8array',
    platform: 'UNIX',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  })
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
}

/** `a/./b//c/` -> `a/b/c`; undefined for entries that climb out (`..`) of the zip. */
function cleanPath(name: string): string | undefined {
  const parts: string[] = []
  for (const part of name.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') return undefined
    parts.push(part)
  }
  return parts.length > 0 ? parts.join('/') : undefined
}

/**
 * Reads a zip into plain data (the shape `readTree` takes, plus modes). Entries whose names
 * climb out with `..` are left out. Rejects when the bytes are not a zip or exceed the limits.
 */
export async function readZip(
  bytes: Uint8Array,
  options: ReadZipOptions = {},
): Promise<ZipContents> {
  const maxEntries = options.maxEntries ?? 20_000
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024
  const zip = await JSZip.loadAsync(bytes, { createFolders: false })
  const entries = Object.values(zip.files)
  if (entries.length > maxEntries)
    throw new Error(`the zip holds ${entries.length} entries, more than ${maxEntries}`)
  const files: Record<string, Uint8Array> = {}
  const dirs = new Set<string>()
  const modes: Record<string, number> = {}
  const executables: string[] = []
  const symlinks: string[] = []
  let anyMode = false
  let total = 0
  for (const entry of entries.sort((a, b) => byPath(a.name, b.name))) {
    // jszip already resolves `..` in `name`; the original name tells whether one was there.
    const path = cleanPath(entry.unsafeOriginalName ?? entry.name)
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
      symlinks.push(path)
      continue
    }
    const data = await entry.async('uint8array')
    total += data.length
    if (total > maxBytes) throw new Error(`the zip unpacks to more than ${maxBytes} bytes`)
    files[path] = data
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
