/**
 * The import pipeline: whatever a user drops on the designer or hands to the CLI (a zip, a
 * folder, a graph JSON file) becomes a graph with a report of what happened to each path, or
 * is refused with one message and nothing kept. Archives are untrusted: names that leave the
 * folder, links, bombs and binary junk where s6 expects text are refused (see `IMPORT_LIMITS`).
 * Positions stay empty for trees; the editor lays the graph out.
 */
import { parseGraph } from '../graph/parse'
import { readTree } from '../graph/read-tree'
import type { ReadReport, ReadReportEntry } from '../graph/read-tree'
import type { TreeInput } from '../graph/tree-input'
import type { Diagnostic, ServiceGraph } from '../graph/types'
import { treeFromZip } from './archive'
import { IMPORT_LIMITS, formatBytes } from './limits'
import type { ImportLimits } from './limits'
import { sniff } from './sniff'
import { importSummary } from './summary'
import { refusal } from './refusal'
import { notText, textProblem } from './text-check'
import { compareWithGraphFile } from './shipped-tree'
import { treeProblem } from './tree-check'

export type ImportResult =
  | {
      ok: true
      graph: ServiceGraph
      /** What happened to each path (for a graph file: the file itself). */
      report: ReadReport
      /** Problems of the files read (readTree's); run `validate` on the graph for the rest. */
      diagnostics: Diagnostic[]
      /** One line saying what was read, for a toast or the CLI. */
      summary: string
    }
  | { ok: false; error: string }

export interface ImportOptions {
  /** What to call a folder in messages and the summary (default "The folder"). */
  name?: string
  /** `overlay` (default): the tree is for s6-overlay v3; `plain`: a bare s6-rc source. */
  context?: 'overlay' | 'plain'
  /** Project name for a graph read from a tree (default: from the file or folder name). */
  projectName?: string
  limits?: ImportLimits
}

const WHAT_TO_DROP =
  'import the whole folder (an s6-rc.d, or an image root holding etc/s6-overlay or etc/services.d), a zip of it, or an s6 Designer graph JSON file'

function refuse(subject: string, reason: string): ImportResult {
  return { ok: false, error: refusal(subject, reason) }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Names that say nothing about the project (`rootfs.zip`, `s6-rc.d`…). */
const GENERIC = new Set([
  's6-rc.d',
  's6-overlay',
  'etc',
  'rootfs',
  's6',
  'docker',
  'export',
  'root',
  'user-bundles.d',
])

/** A project name from a file or folder name: `My App.zip` -> `my-app`. */
export function projectNameFrom(name: string): string | undefined {
  const base = (name.replace(/\\/g, '/').split('/').pop() ?? '').replace(/\.(zip|json)$/i, '')
  const clean = base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64)
  return clean && !GENERIC.has(clean) && !GENERIC.has(base.toLowerCase()) ? clean : undefined
}

function readChecked(
  subject: string,
  input: TreeInput,
  options: ImportOptions,
  ignored: readonly ReadReportEntry[] = [],
): ImportResult {
  const limits = options.limits ?? IMPORT_LIMITS
  const problem = treeProblem(input, limits)
  if (problem) return refuse(subject, problem)
  const read = readTree(input, {
    ...(options.context ? { context: options.context } : {}),
    ...(options.projectName ? { projectName: options.projectName } : {}),
  })
  const failed = read.diagnostics.find((d) => d.code === 'read-failed')
  if (failed) return refuse(subject, failed.message)
  const binary = textProblem(input, read)
  if (binary) return refuse(subject, binary)
  if (read.diagnostics.some((d) => d.code === 'source-not-found'))
    return refuse(subject, `no s6 services were found in it; ${WHAT_TO_DROP}`)
  read.report.entries.push(...ignored)
  // The design came from an export's graph file: hand edits to the tree beside it are not in it.
  const graphFile = read.report.graphFile
  const diagnostics =
    graphFile === undefined
      ? read.diagnostics
      : [...read.diagnostics, ...compareWithGraphFile(input, graphFile, read.report, 'import')]
  return {
    ok: true,
    graph: read.graph,
    report: read.report,
    diagnostics,
    summary: importSummary(subject, read.graph, read.report, diagnostics),
  }
}

/**
 * Imports a folder given as a TreeInput (from `treeFromEntries` for a dropped folder, or the
 * CLI's walk): size and path checks, `readTree` (s6-overlay v2 folders converted), then the
 * check that every file s6 reads as text is UTF-8. Never throws.
 *
 * @example
 * const tree = treeFromEntries(entries)
 * const result = 'error' in tree ? tree : importTree(tree, { projectName: 'shop' })
 */
export function importTree(input: TreeInput, options: ImportOptions = {}): ImportResult {
  const subject = options.name ?? 'The folder'
  try {
    return readChecked(subject, input, options)
  } catch (error) {
    return refuse(subject, `it could not be read (${message(error)})`)
  }
}

/** The design in a saved-state envelope (`{ v, graph, viewport? }`), or undefined for anything else. */
function savedStateGraph(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  const graphLike = ['version', 'project', 'services'].some((k) => Object.hasOwn(v, k))
  return !graphLike && typeof v.v === 'number' && typeof v.graph === 'object' ? v.graph : undefined
}

function importJson(name: string, bytes: Uint8Array): ImportResult {
  const why = notText(bytes)
  if (why) return refuse(name, `it is not UTF-8 text (${why})`)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''))
  } catch (error) {
    return refuse(name, `it is not valid JSON (${message(error)})`)
  }
  // The designer's saved state (what "Download the saved data" gives when an autosave could not
  // be restored): the design inside it.
  const saved = savedStateGraph(value)
  const parsed = parseGraph(saved ?? value)
  if (!parsed.ok) {
    const why = parsed.error.replace(/^this is not an s6 Designer graph \((.*)\)$/, '$1')
    return refuse(name, `it is not an s6 Designer graph (${why})`)
  }
  const what =
    saved === undefined ? 'the design itself' : "the design in the designer's saved state"
  const report: ReadReport = {
    graphFile: name,
    entries: [{ path: name, action: 'read', note: [what, ...parsed.notes].join('; ') }],
  }
  return {
    ok: true,
    graph: parsed.graph,
    report,
    diagnostics: [],
    summary: importSummary(name, parsed.graph, report, []),
  }
}

/**
 * Imports one dropped or named file: a zip (an export, an image root, an s6-rc.d, an
 * s6-overlay v2 tree), or a graph JSON file. One file of a service, another archive format or
 * anything else is refused with what to drop instead. Never throws.
 *
 * @example
 * const result = await importFile(file.name, new Uint8Array(await file.arrayBuffer()))
 * if (result.ok) loadGraph(result.graph)
 * else showError(result.error) // "app.zip was not imported: the entry "../x" climbs out…"
 */
export async function importFile(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits = options.limits ?? IMPORT_LIMITS
  try {
    if (bytes.length > limits.maxInputBytes)
      return refuse(
        name,
        `it is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxInputBytes)} allowed`,
      )
    const kind = sniff(name, bytes)
    switch (kind.kind) {
      case 'empty':
        return refuse(name, 'the file is empty')
      case 'json':
        return importJson(name, bytes)
      case 'zip': {
        const zip = await treeFromZip(bytes, limits)
        if ('error' in zip) return refuse(name, zip.error)
        const projectName = options.projectName ?? projectNameFrom(name)
        const named = { ...options, ...(projectName ? { projectName } : {}) }
        return readChecked(name, zip.tree, named, zip.ignored)
      }
      case 'archive':
        return refuse(
          name,
          `it is a ${kind.format} archive; s6 Designer reads zip files: ${WHAT_TO_DROP}`,
        )
      case 'service-file':
        return refuse(name, `it looks like ${kind.what} of one service; ${WHAT_TO_DROP}`)
      case 'unknown':
        return refuse(name, `it is neither a zip nor a graph JSON file; ${WHAT_TO_DROP}`)
      default: {
        const never: never = kind
        return never
      }
    }
  } catch (error) {
    return refuse(name, `it could not be read (${message(error)})`)
  }
}
