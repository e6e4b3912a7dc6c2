/**
 * What a dropped or named file is, from its first bytes and its name: a zip, a graph JSON file,
 * another kind of archive, or one file of a service.
 */
import { SERVICE_TEXT_FILES } from './text-check'

export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'json' }
  | { kind: 'archive'; format: string }
  | { kind: 'service-file'; what: string }
  | { kind: 'unknown' }

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b)
}

const ARCHIVES: Array<[string, number[], number]> = [
  ['gzip (.tar.gz, .tgz)', [0x1f, 0x8b], 0],
  ['xz (.tar.xz)', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 0],
  ['bzip2 (.tar.bz2)', [0x42, 0x5a, 0x68], 0],
  ['zstd (.tar.zst)', [0x28, 0xb5, 0x2f, 0xfd], 0],
  ['7-Zip', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0],
  ['RAR', [0x52, 0x61, 0x72, 0x21], 0],
  ['tar', [0x75, 0x73, 0x74, 0x61, 0x72], 257],
]

const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d])

/**
 * Classifies a file from its name and bytes.
 *
 * @example
 * sniff('app.zip', bytes) // { kind: 'zip' }
 */
export function sniff(name: string, bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' }
  // A local file header, or the end record of a zip without entries.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'zip' }
  for (const [format, magic, at] of ARCHIVES)
    if (startsWith(bytes, magic, at)) return { kind: 'archive', format }
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (i < bytes.length && BLANK.has(bytes[i] as number)) i++
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return { kind: 'json' }
  const base = name.replace(/\\/g, '/').split('/').pop() ?? name
  if (SERVICE_TEXT_FILES.has(base)) return { kind: 'service-file', what: `an s6 ${base} file` }
  if (startsWith(bytes, [0x23, 0x21])) return { kind: 'service-file', what: 'a script' }
  return { kind: 'unknown' }
}
