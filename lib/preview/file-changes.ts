/**
 * What an edit changed in the export: files added, changed (contents or mode) and removed,
 * between the FileMap before the edit and the one after.
 */
import type { FileMap } from '../generate/file-map'

export interface FileChanges {
  added: Set<string>
  changed: Set<string>
  removed: string[]
  /** Folders that hold an added or changed file, at any depth. */
  touchedDirs: Set<string>
}

/** No changes: the first export, or an edit that left every file as it was. */
export const NO_CHANGES: FileChanges = {
  added: new Set(),
  changed: new Set(),
  removed: [],
  touchedDirs: new Set(),
}

function addParents(dirs: Set<string>, path: string): void {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const dir = path.slice(0, i)
    if (dirs.has(dir)) return
    dirs.add(dir)
  }
}

/**
 * Compares two exports path by path.
 *
 * @example
 * compareFileMaps(before, after).added // Set { 'docker/s6/rootfs/…/worker/dependencies.d/web' }
 */
export function compareFileMaps(before: FileMap | undefined, after: FileMap): FileChanges {
  if (!before) return NO_CHANGES
  const added = new Set<string>()
  const changed = new Set<string>()
  const touchedDirs = new Set<string>()
  for (const [path, file] of after) {
    const old = before.get(path)
    if (!old) added.add(path)
    else if (old.contents !== file.contents || old.executable !== file.executable) changed.add(path)
    else continue
    addParents(touchedDirs, path)
  }
  const removed: string[] = []
  for (const path of before.keys()) if (!after.has(path)) removed.push(path)
  if (added.size === 0 && changed.size === 0 && removed.length === 0) return NO_CHANGES
  return { added, changed, removed, touchedDirs }
}

/** Whether nothing changed. */
export function isUnchanged(changes: FileChanges): boolean {
  return changes.added.size === 0 && changes.changed.size === 0 && changes.removed.length === 0
}

/**
 * Whether the changes look like another design was opened rather than edited (most files new
 * or rewritten): marking every line of every file would say nothing then.
 */
export function isWholesale(changes: FileChanges, after: FileMap): boolean {
  const touched = changes.added.size + changes.changed.size
  return touched > 12 && touched > after.size * 0.6
}
