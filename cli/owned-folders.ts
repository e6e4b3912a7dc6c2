/**
 * What an export into a folder that holds an earlier one removes, so that a service removed
 * from the design does not ship and boot. The export owns s6-rc.d and user-bundles.d under the
 * image's /etc/s6-overlay outright: everything in them comes from the design. The scripts
 * folder is shared: people keep helper scripts there by hand, so of it only the scripts the
 * earlier export wrote (as its s6-designer.json says) and this one does not are removed.
 * Everything else in the output folder is the user's.
 */
import { lstat, readFile, readdir, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createContext, inRepo, inRootfs } from '../lib/generate/context'
import { exportFiles } from '../lib/generate/export-files'
import type { FileMap } from '../lib/generate/file-map'
import { SCRIPTS_DIR } from '../lib/generate/scripts'
import { parseGraph } from '../lib/graph/parse'
import type { ServiceGraph } from '../lib/graph/types'
import { providedScripts } from '../lib/import/export-folders'
import { mapInParallel } from './fs'

const parent = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')))

export interface StaleResult {
  /** Export paths removed, folders with a trailing `/`. */
  removed: string[]
  /** Files (and links) removed, those inside removed folders included. */
  files: number
  /** Owned folders left alone because a folder on the way to them is a symbolic link. */
  skipped: string[]
}

/** Files and links under `abs` (itself included when not a folder); links are not followed. */
async function countFiles(abs: string): Promise<number> {
  const st = await lstat(abs)
  if (!st.isDirectory()) return 1
  let n = 0
  for (const entry of await readdir(abs)) n += await countFiles(join(abs, entry))
  return n
}

/** The first folder between `root` and `path` (exclusive of root) that is a symbolic link. */
async function linkOnTheWay(root: string, path: string): Promise<string | undefined> {
  const parts = path.split('/')
  for (let i = 1; i < parts.length; i++) {
    const sub = parts.slice(0, i).join('/')
    const st = await lstat(join(root, sub)).catch(() => undefined)
    if (!st) return undefined
    if (st.isSymbolicLink()) return sub
  }
  return undefined
}

/**
 * Removes from the owned folders under `root` whatever `files` (or `keep`) does not hold:
 * stale files, folders and links (a link is removed, never followed). Nothing outside them is
 * touched. With `dryRun`, says what it would remove and removes nothing.
 */
export async function removeStale(
  root: string,
  owned: readonly string[],
  files: FileMap,
  keep: readonly string[] = [],
  options: { dryRun?: boolean } = {},
): Promise<StaleResult> {
  const keepFiles = new Set([...files.keys(), ...keep])
  const keepDirs = new Set<string>()
  for (const path of keepFiles) for (let d = parent(path); d !== ''; d = parent(d)) keepDirs.add(d)
  const out: StaleResult = { removed: [], files: 0, skipped: [] }
  const remove = async (path: string, isDir: boolean) => {
    const abs = join(root, path)
    out.files += Math.max(1, await countFiles(abs))
    if (!options.dryRun) await rm(abs, { recursive: true, force: true })
    out.removed.push(isDir ? `${path}/` : path)
  }
  const prune = async (dir: string): Promise<void> => {
    const entries = await readdir(join(root, dir), { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory() && keepDirs.has(path)) await prune(path)
      else if (!(entry.isFile() && keepFiles.has(path))) await remove(path, entry.isDirectory())
    }
  }
  for (const folder of owned) {
    if (await linkOnTheWay(root, folder)) {
      out.skipped.push(folder)
      continue
    }
    const st = await lstat(join(root, folder)).catch(() => undefined)
    if (!st) continue
    if (st.isDirectory() && keepDirs.has(folder)) await prune(folder)
    else await remove(folder, st.isDirectory())
  }
  return out
}

/**
 * The scripts under /etc/s6-overlay/scripts that the export found in `root` wrote (`earlier`,
 * its files, see earlierExport) and `files` does not hold any more, nor calls. None without
 * an earlier export: then nothing there is known to be the export's.
 */
export async function staleScripts(
  root: string,
  graph: ServiceGraph,
  files: FileMap,
  earlier: FileMap | undefined,
): Promise<string[]> {
  if (!earlier) return []
  const ctx = createContext(graph)
  const scripts = `${inRootfs(ctx, SCRIPTS_DIR)}/`
  // A script this design's steps call without writing it stays: the image provides it now.
  const called = new Set(providedScripts(graph, files))
  const out: string[] = []
  for (const [path, file] of earlier) {
    if (!path.startsWith(scripts) || files.has(path) || called.has(path) || !file.executable)
      continue
    const st = await lstat(join(root, path)).catch(() => undefined)
    if (st?.isFile()) out.push(path)
  }
  return out
}

/** Removes `paths` (files under `root`), then the scripts folder if that left it empty. */
export async function removeScripts(
  root: string,
  graph: ServiceGraph,
  paths: readonly string[],
): Promise<void> {
  for (const path of paths) await rm(join(root, path), { force: true })
  if (paths.length === 0) return
  const folder = join(root, inRootfs(createContext(graph), SCRIPTS_DIR))
  await rmdir(folder).catch(() => undefined)
}

/**
 * The files of the export `root` holds where `graph`'s export goes, made again from its
 * s6-designer.json: what that export wrote. Undefined when there is no such file that reads.
 */
export async function earlierExport(
  root: string,
  graph: ServiceGraph,
): Promise<FileMap | undefined> {
  const path = join(root, inRepo(createContext(graph), 's6-designer.json'))
  const text = await readFile(path, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  const read = parseGraph(text)
  return read.ok ? exportFiles(read.graph) : undefined
}

/** The files of `files` that exist under `root` with other contents (or are not files). */
export async function differingFiles(root: string, files: FileMap): Promise<string[]> {
  const paths = [...files.keys()]
  const differs = await mapInParallel(paths, async (path) => {
    const abs = join(root, path)
    const st = await lstat(abs).catch(() => undefined)
    if (!st) return false
    return !st.isFile() || (await readFile(abs, 'utf8')) !== files.get(path)?.contents
  })
  return paths.filter((_, i) => differs[i])
}

/**
 * Whether the entry at `path` under `root` (a file, or a folder with a trailing `/`) holds
 * exactly what `before` (an earlier export's files) wrote there: false for anything changed,
 * added by hand, or a link.
 */
async function writtenBy(root: string, path: string, before: FileMap): Promise<boolean> {
  if (path.endsWith('/')) {
    const dir = path.slice(0, -1)
    const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const sub = `${dir}/${entry.name}`
      if (!(await writtenBy(root, entry.isDirectory() ? `${sub}/` : sub, before))) return false
    }
    return true
  }
  const file = before.get(path)
  const st = await lstat(join(root, path)).catch(() => undefined)
  if (!file || !st?.isFile()) return false
  return (await readFile(join(root, path), 'utf8')) === file.contents
}

/**
 * Of `paths` (what an export would replace or remove under `root`), those that hold changes
 * made after the earlier export (`earlier`, its files): edited, added or replaced by hand.
 * Writing over them would lose that work without a word.
 */
export async function changedSinceExport(
  root: string,
  earlier: FileMap,
  paths: readonly string[],
): Promise<string[]> {
  const written = await mapInParallel(paths, (path) => writtenBy(root, path, earlier))
  return paths.filter((_, i) => !written[i])
}
