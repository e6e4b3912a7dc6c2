/**
 * A dropped zip into a TreeInput, in two passes: `scanZip` reads the zip's own index without
 * inflating anything and refuses what an import must not take; then `readZip` in strict mode
 * unpacks it, checking each entry's real size against the declared one as it inflates.
 */
import { readZip, ZipRefusedError } from '../export/zip'
import type { TreeInput } from '../graph/tree-input'
import { formatBytes } from './limits'
import type { ImportLimits } from './limits'
import { scanZip } from './zip-scan'

/**
 * The zip's files as a TreeInput (with exec bits when the zip carries UNIX modes), or the
 * reason it was refused (completes "x.zip was not imported: …"). Never throws.
 */
export async function treeFromZip(
  bytes: Uint8Array,
  limits: ImportLimits,
): Promise<TreeInput | { error: string }> {
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
    return {
      files: zip.files,
      dirs: zip.dirs,
      ...(zip.executables ? { executables: zip.executables } : {}),
    }
  } catch (error) {
    if (error instanceof ZipRefusedError) return { error: error.message }
    return {
      error: `the zip could not be read (${error instanceof Error ? error.message : String(error)})`,
    }
  }
}
