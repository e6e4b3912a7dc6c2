/**
 * A dropped zip into a TreeInput, in two passes: `scanZip` reads the zip's own index without
 * inflating anything and refuses what an import must not take; then `readZip` in strict mode
 * unpacks it, checking each entry's real size against the declared one as it inflates.
 */
import { readZip, ZipRefusedError } from '../export/zip'
import type { ReadReportEntry } from '../graph/read-tree'
import { fileRecord } from '../graph/tree-input'
import type { TreeInput } from '../graph/tree-input'
import { formatBytes } from './limits'
import type { ImportLimits } from './limits'
import { scanZip } from './zip-scan'

/** Finder's zips carry AppleDouble metadata (`__MACOSX/…/._name`) beside the real files. */
const MAC_METADATA = '__MACOSX'

/** What a zip holds, ready for readTree, and the paths left out before reading. */
export interface ZipTree {
  tree: TreeInput
  ignored: ReadReportEntry[]
}

function withoutMacMetadata(tree: TreeInput): ZipTree {
  const mac = (p: string) => p === MAC_METADATA || p.startsWith(`${MAC_METADATA}/`)
  const all = [...Object.keys(tree.files), ...tree.dirs]
  if (!all.some(mac)) return { tree, ignored: [] }
  const files = fileRecord()
  for (const [p, bytes] of Object.entries(tree.files)) if (!mac(p)) files[p] = bytes
  return {
    tree: {
      files,
      dirs: tree.dirs.filter((d) => !mac(d)),
      ...(tree.executables ? { executables: tree.executables.filter((p) => !mac(p)) } : {}),
    },
    ignored: [
      {
        path: MAC_METADATA,
        action: 'ignored',
        note: 'macOS metadata that Finder adds to zips, not part of the folder',
      },
    ],
  }
}

/**
 * The zip's files as a TreeInput (with exec bits when the zip carries UNIX modes; Finder's
 * __MACOSX metadata left out and listed in `ignored`), or the reason it was refused (completes
 * "x.zip was not imported: …"). Never throws.
 */
export async function treeFromZip(
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<ZipTree | { error: string }> {
  if (bytes.length > limits.maxInputBytes)
    return {
      error: `it is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxInputBytes)} allowed`,
    }
  const scanned = scanZip(bytes, limits)
  if (!scanned.ok) return { error: scanned.error }
  try {
    const zip = await readZip(bytes, {
      strict: true,
      maxEntries: limits.maxEntries,
      maxBytes: limits.maxBytes,
      maxFileBytes: limits.maxFileBytes,
    })
    return withoutMacMetadata({
      files: zip.files,
      dirs: zip.dirs,
      ...(zip.executables ? { executables: zip.executables } : {}),
    })
  } catch (error) {
    if (error instanceof ZipRefusedError) return { error: error.message }
    return {
      error: `the zip could not be read (${error instanceof Error ? error.message : String(error)})`,
    }
  }
}
