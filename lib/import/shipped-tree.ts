/**
 * An export's folder holds the design twice: the s6-rc tree that ships in the image, and the
 * s6-designer.json it was made from. readTree prefers the json (it keeps what the tree cannot:
 * descriptions, estimates). `lint` checks what ships, so it reads the tree and only compares
 * the json with it: a service left over from an earlier export, or edited by hand, must show.
 */
import { SCRIPTS_DIR } from '../generate/scripts'
import { sourceTreeFiles } from '../generate/source-tree'
import { parseGraph } from '../graph/parse'
import { GRAPH_FILE_SUFFIX } from '../graph/read-tree'
import type { ReadReport } from '../graph/read-tree'
import { baseName, decodeText, encodeText, fileRecord, joinPath } from '../graph/tree-input'
import type { TreeInput } from '../graph/tree-input'
import type { Diagnostic } from '../graph/types'
import { COMPARED_IMAGE_DIRS, ownedFolders, providedScripts } from './export-folders'

const depth = (p: string) => p.split('/').length

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

/** The input without its graph files, and the one readTree would have read (the shallowest). */
export function withoutGraphFiles(input: TreeInput): { tree: TreeInput; graphFile?: string } {
  const graphFiles = Object.keys(input.files)
    .filter((p) => baseName(p).endsWith(GRAPH_FILE_SUFFIX))
    .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0))
  if (graphFiles.length === 0) return { tree: input }
  const files = fileRecord()
  for (const [p, bytes] of Object.entries(input.files))
    if (!graphFiles.includes(p)) files[p] = bytes
  return {
    tree: {
      ...input,
      files,
      ...(input.executables
        ? { executables: input.executables.filter((p) => !graphFiles.includes(p)) }
        : {}),
    },
    graphFile: graphFiles[0],
  }
}

/** Whether readTree found an s6 tree (an s6-rc source, user-bundles.d or an image root). */
export function foundTree(report: ReadReport | undefined): boolean {
  return (report?.sourceDir ?? report?.userBundlesDir ?? report?.rootfsDir) !== undefined
}

/** Differences listed in the message before "and N more". */
const LIST_LIMIT = 8

type Difference = 'only in the tree' | 'not in the tree' | 'changed'

/**
 * A warning when the tree (`report`'s folders in `input`) is not what `graphFile` exports;
 * nothing when they match. Compares the folders the export owns, file by file. `lint` checked
 * the tree; `import` took the design from the graph file and says the tree's edits are not in it.
 */
export function compareWithGraphFile(
  input: TreeInput,
  graphFile: string,
  report: ReadReport,
  by: 'lint' | 'import' = 'lint',
): Diagnostic[] {
  // parseGraph reads the text itself: bad JSON is one of its messages ("not JSON (…)").
  const parsed = parseGraph(decodeText(input.files[graphFile] ?? new Uint8Array()))
  if (!parsed.ok) {
    return [
      {
        code: 'graph-file-invalid',
        severity: 'warning',
        file: graphFile,
        path: graphFile,
        message: `${graphFile} could not be compared with the tree: ${parsed.error}.`,
        fix: 'Fix or delete the file; s6 Designer writes it again on the next export.',
      },
    ]
  }
  const exported = sourceTreeFiles(parsed.graph)
  const owned = ownedFolders(parsed.graph, COMPARED_IMAGE_DIRS)
  const provided = new Set(providedScripts(parsed.graph, exported))
  const overlay =
    report.rootfsDir !== undefined ? joinPath(report.rootfsDir, 'etc/s6-overlay') : undefined
  // Per disk path: what the tree holds and what the design exports there.
  const disk = new Map<string, Uint8Array>()
  const design = new Map<string, Uint8Array>()
  // Per disk path: the service (or script) it belongs to, `…/s6-rc.d/web`.
  const owner = new Map<string, string>()
  const own = (p: string, dir: string) =>
    owner.set(p, joinPath(dir, p.slice(dir === '' ? 0 : dir.length + 1).split('/')[0] ?? ''))
  // Disk files of the scripts folder that the design does not export are the user's helpers.
  const helpers = new Set<string>()
  COMPARED_IMAGE_DIRS.forEach((imageDir, i) => {
    const name = baseName(imageDir)
    const diskDir =
      overlay !== undefined ? joinPath(overlay, name) : i === 0 ? report.sourceDir : undefined
    const exportDir = owned[i]
    if (diskDir === undefined || exportDir === undefined) return
    const inside = (p: string, dir: string) => dir === '' || p.startsWith(`${dir}/`)
    const providedHere = (p: string) =>
      provided.has(joinPath(exportDir, p.slice(diskDir === '' ? 0 : diskDir.length + 1)))
    for (const [p, bytes] of Object.entries(input.files)) {
      if (!inside(p, diskDir) || providedHere(p)) continue
      disk.set(p, bytes)
      own(p, diskDir)
      if (imageDir === SCRIPTS_DIR) helpers.add(p)
    }
    for (const [p, file] of exported) {
      if (!inside(p, exportDir)) continue
      const at = joinPath(diskDir, p.slice(exportDir.length + 1))
      design.set(at, encodeText(file.contents))
      own(at, diskDir)
      helpers.delete(at)
    }
  })
  const found = new Map<string, Difference>()
  for (const [p, bytes] of disk) {
    const mine = design.get(p)
    if (!mine) {
      if (!helpers.has(p)) found.set(p, 'only in the tree')
    } else if (!sameBytes(bytes, mine)) found.set(p, 'changed')
  }
  for (const p of design.keys()) if (!disk.has(p)) found.set(p, 'not in the tree')
  if (found.size === 0) return []
  // A whole folder only on one side (a leftover service) is one entry, not one per file.
  const byOwner = new Map<string, string[]>()
  for (const p of owner.keys()) {
    const o = owner.get(p) as string
    byOwner.set(o, [...(byOwner.get(o) ?? []), p])
  }
  const entries = new Map<string, Difference>()
  for (const [p, what] of found) {
    const o = owner.get(p) as string
    const all = byOwner.get(o) ?? []
    const whole = what !== 'changed' && o !== p && all.every((q) => found.get(q) === what)
    entries.set(whole ? `${o}/` : p, what)
  }
  const list = [...entries.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, what]) => `${p} (${what})`)
  const shown = list.slice(0, LIST_LIMIT).join(', ')
  const more = list.length > LIST_LIMIT ? ` and ${list.length - LIST_LIMIT} more` : ''
  return [
    by === 'lint'
      ? {
          code: 'graph-file-differs',
          severity: 'warning',
          file: graphFile,
          path: graphFile,
          message: `${graphFile} does not match the tree, which is what ships and what was checked: ${shown}${more}.`,
          fix: 'Export the design again to rewrite the tree, or import the tree (s6-designer import) to make it the design.',
        }
      : {
          code: 'graph-file-differs',
          severity: 'warning',
          file: graphFile,
          path: graphFile,
          message: `The design was taken from ${graphFile}, but the tree beside it differs: ${shown}${more}. Those changes to the tree are not in the design.`,
          fix: `To make the tree the design, import it without ${baseName(graphFile)} (delete the file, or import the s6-rc.d folder alone); to keep the design, export it again to rewrite the tree.`,
        },
  ]
}
