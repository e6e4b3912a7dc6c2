/**
 * Which imported files must be text, and whether they are. s6-rc's own files, the scripts and
 * the env values become strings of the design; bytes that are not UTF-8 would turn into
 * replacement characters there, so such an import is refused rather than quietly altered.
 */
import type { ReadTreeResult } from '../graph/read-tree'
import { baseName, fileIn, filePaths, indexTree, parentPath } from '../graph/tree-input'
import type { TreeInput } from '../graph/tree-input'
import { showPath } from './entry-path'

/** Files of a service folder that are read as text (FORMAT §1). */
export const SERVICE_TEXT_FILES: ReadonlySet<string> = new Set([
  'type',
  'run',
  'finish',
  'up',
  'down',
  'dependencies',
  'contents',
  'producer-for',
  'consumer-for',
  'pipeline-name',
  'notification-fd',
  'lock-fd',
  'timeout-up',
  'timeout-down',
  'timeout-kill',
  'timeout-finish',
  'max-death-tally',
  'down-signal',
])

/** Files whose contents do not matter: only their names or their existence. */
function contentsIgnored(path: string): boolean {
  const parent = baseName(parentPath(path))
  return (
    parent === 'dependencies.d' || parent === 'contents.d' || baseName(path) === 'flag-essential'
  )
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Why the bytes are not text, or undefined. `nul` allows NUL bytes (s6-envdir reads them). */
export function notText(bytes: Uint8Array, nul = false): string | undefined {
  if (!nul && bytes.includes(0)) return 'it holds a NUL byte'
  try {
    utf8.decode(bytes)
    return undefined
  } catch {
    return 'it holds bytes that are not UTF-8'
  }
}

/** Files under the service folders of `source` that s6-rc reads as text. */
function serviceTextFiles(paths: readonly string[], source: string): string[] {
  const prefix = source === '' ? '' : `${source}/`
  const out: string[] = []
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue
    const parts = p.slice(prefix.length).split('/')
    if (parts.length === 2 && SERVICE_TEXT_FILES.has(parts[1] as string)) out.push(p)
    else if (parts.length === 3 && parts[1] === 'env') out.push(p)
  }
  return out
}

/**
 * Why the read cannot be kept because a file that had to be text is not, or undefined. The
 * files checked: s6-rc's own files in every service folder read, every file the read used
 * (scripts called from `up`, v2 scripts, env values, the graph file), whatever became of it.
 */
export function textProblem(input: TreeInput, read: ReadTreeResult): string | undefined {
  const tree = indexTree(input)
  const paths = filePaths(tree)
  const required = new Set<string>()
  for (const dir of [read.report.sourceDir, read.report.userBundlesDir]) {
    if (dir !== undefined) for (const p of serviceTextFiles(paths, dir)) required.add(p)
  }
  for (const e of read.report.entries) {
    if (e.action !== 'ignored' && fileIn(tree, e.path) && !contentsIgnored(e.path))
      required.add(e.path)
  }
  for (const path of [...required].sort()) {
    const why = notText(fileIn(tree, path) as Uint8Array, baseName(parentPath(path)) === 'env')
    if (why)
      return `the file ${showPath(path)} is not UTF-8 text (${why}); s6 Designer reads it as text`
  }
  return undefined
}
