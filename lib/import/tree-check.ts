/**
 * Checks for a folder given as plain data (a dropped folder's files, the CLI's walk, a zip once
 * unpacked): how many files, how big, and whether every path stays inside the folder.
 */
import { fileRecord } from '../graph/tree-input'
import type { TreeInput } from '../graph/tree-input'
import { entryPath, entryPathProblem, showPath } from './entry-path'
import { IMPORT_LIMITS, formatBytes } from './limits'
import type { ImportLimits } from './limits'

/** One file of a dropped folder: its path inside the folder (webkitRelativePath) and size. */
export interface EntrySize {
  path: string
  size: number
}

/** One file of a dropped folder with its contents. */
export interface FolderEntry {
  path: string
  bytes: Uint8Array
}

/**
 * Whether a folder import leaves this path unread: it is inside a hidden folder (.git, .cache;
 * s6 skips names starting with a dot too) or node_modules below the folder picked, where no s6
 * tree lives. A repository picked whole is then judged by its own files, not its history's.
 */
export function skippedInFolder(path: string): boolean {
  const folders = path.split('/').slice(1, -1)
  return folders.some((f) => f.startsWith('.') || f === 'node_modules')
}

/** Why entries cannot be imported, judged on names and sizes alone (completes "…: "). */
function entriesProblem(entries: readonly EntrySize[], limits: ImportLimits): string | undefined {
  if (entries.length > limits.maxEntries)
    return `it holds ${entries.length} files, more than the ${limits.maxEntries} allowed`
  let total = 0
  for (const e of entries) {
    const problem = entryPathProblem(e.path, limits)
    if (problem) return `the entry ${showPath(e.path)} ${problem}`
    if (e.size > limits.maxFileBytes)
      return `the file ${showPath(e.path)} is ${formatBytes(e.size)}, more than the ${formatBytes(limits.maxFileBytes)} allowed for one file`
    total += e.size
    if (total > limits.maxBytes)
      return `its files add up to more than the ${formatBytes(limits.maxBytes)} allowed`
  }
  return undefined
}

/** Why the paths clash: one path twice, or a file where a folder is needed. */
function clash(files: readonly string[], dirs: readonly string[]): string | undefined {
  const kinds = new Map<string, 'file' | 'folder'>()
  for (const d of dirs) {
    const p = entryPath(d)
    if (p !== '') kinds.set(p, 'folder')
  }
  for (const f of files) {
    const p = entryPath(f)
    if (p === '') return `the entry ${showPath(f)} has no name`
    const seen = kinds.get(p)
    if (seen === 'file') return `the path ${showPath(p)} appears twice`
    if (seen === 'folder') return `the path ${showPath(p)} is both a file and a folder`
    kinds.set(p, 'file')
  }
  for (const [p, kind] of kinds) {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const parent = p.slice(0, i)
      if (kinds.get(parent) === 'file')
        return `the path ${showPath(parent)} is a file, yet ${showPath(p)} is inside it as a ${kind}`
    }
  }
  return undefined
}

/**
 * Why a TreeInput cannot be imported (too many or too big files, unsafe or clashing paths), or
 * undefined. Symbolic links are allowed here: they are listed, never followed.
 */
export function treeProblem(
  input: TreeInput,
  limits: ImportLimits = IMPORT_LIMITS,
): string | undefined {
  const files = Object.keys(input.files)
  const sizes = files.map((path) => ({ path, size: input.files[path]?.length ?? 0 }))
  for (const path of [...input.dirs, ...(input.symlinks ?? [])]) {
    const problem = entryPathProblem(path, limits)
    if (problem) return `the entry ${showPath(path)} ${problem}`
  }
  return entriesProblem(sizes, limits) ?? clash(files, input.dirs)
}

/**
 * Why a dropped folder cannot be imported, judged on its files' names and sizes alone, so the
 * UI can refuse before reading them; or undefined. The reason completes "The folder was not
 * imported: …".
 *
 * @example
 * const why = preflightEntries([...files].map((f) => ({ path: f.webkitRelativePath, size: f.size })))
 */
export function preflightEntries(
  entries: readonly EntrySize[],
  limits: ImportLimits = IMPORT_LIMITS,
): string | undefined {
  return entriesProblem(entries, limits)
}

/**
 * A dropped folder's files as a TreeInput, after the same checks a zip goes through, or the
 * reason it cannot be imported (completes "The folder was not imported: …"). Modes are
 * unknown, so `executables` stays undefined. Pass the result to `importTree`.
 *
 * @example
 * const tree = treeFromEntries(await Promise.all(files.map(async (f) => ({
 *   path: f.webkitRelativePath, bytes: new Uint8Array(await f.arrayBuffer()) }))))
 */
export function treeFromEntries(
  entries: readonly FolderEntry[],
  limits: ImportLimits = IMPORT_LIMITS,
): TreeInput | { error: string } {
  const sized = entries.map((e) => ({ path: e.path, size: e.bytes.length }))
  const problem =
    entriesProblem(sized, limits) ??
    clash(
      entries.map((e) => e.path),
      [],
    )
  if (problem) return { error: problem }
  const files = fileRecord()
  for (const e of entries) files[entryPath(e.path)] = e.bytes
  return { files, dirs: [] }
}
