/**
 * What the lint, import and plan commands share: option parsing, loading a folder, a zip or a
 * graph file into a graph, and printing diagnostics.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { parseGraph } from '../lib/graph/parse'
import { readTree } from '../lib/graph/read-tree'
import type { ReadReport } from '../lib/graph/read-tree'
import { joinPath } from '../lib/graph/tree-input'
import type { TreeInput } from '../lib/graph/tree-input'
import type { Diagnostic, ServiceGraph } from '../lib/graph/types'
import { validate } from '../lib/graph/validate'
import { treeFromZip } from '../lib/import/archive'
import { importFile, importTree, projectNameFrom } from '../lib/import/import'
import type { ImportResult } from '../lib/import/import'
import { IMPORT_LIMITS, formatBytes } from '../lib/import/limits'
import { refusal } from '../lib/import/refusal'
import { sniff } from '../lib/import/sniff'
import { UsageError } from './command'
import { InputError, STDIN_ARG, parseJsonText, readStdin, readTreeInput } from './fs'
import { compareWithGraphFile, foundTree, withoutGraphFiles } from '../lib/import/shipped-tree'

export interface ParsedArgs {
  positionals: string[]
  flags: Set<string>
  options: Map<string, string[]>
}

/**
 * Parses `--flag`, `--option value`, `--option=value`; anything else starting with `-` is a
 * usage error.
 */
export function parseArgs(
  args: readonly string[],
  spec: { flags?: readonly string[]; options?: readonly string[] },
): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') {
      out.positionals.push(...args.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq < 0 ? arg : arg.slice(0, eq)
    if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new UsageError(`${name} takes no value`)
      out.flags.add(name)
    } else if (spec.options?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i]
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`)
      out.options.set(name, [...(out.options.get(name) ?? []), value])
    } else {
      throw new UsageError(`unknown option ${name}`)
    }
  }
  return out
}

/** Exactly one positional argument, or a usage error naming it. */
export function onePositional(parsed: ParsedArgs, what: string): string {
  if (parsed.positionals.length === 0) throw new UsageError(`missing ${what}`)
  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `expected one ${what}, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`,
    )
  }
  return parsed.positionals[0] as string
}

/** A project name from a folder path: the first folder name up the path that says something. */
export function projectNameFor(path: string): string | undefined {
  for (let p = resolve(path); ; p = dirname(p)) {
    const name = basename(p)
    if (name === '') return undefined
    const clean = projectNameFrom(name)
    if (clean) return clean
    if (dirname(p) === p) return undefined
  }
}

export interface LoadedGraph {
  graph: ServiceGraph
  /** readTree's diagnostics (none for a graph file). */
  diagnostics: Diagnostic[]
  /** Present when a folder or a zip was read (and for any input of a strict load). */
  report?: ReadReport
  notes: string[]
  /** The import's one-line account, for strict loads. */
  summary?: string
  /** The graph file of an export left unread because the tree next to it was read instead. */
  setAside?: string
}

export interface LoadOptions {
  context: 'overlay' | 'plain'
  /** Accept a graph JSON file as well as a folder or a zip. */
  graphFiles: boolean
  /**
   * Apply the import's checks to folders too (lib/import: sizes, paths, text files), and
   * accept graph JSON files: what `import` does. Zips always get these checks.
   */
  strict?: boolean
  /**
   * When a folder or zip holds both an s6 tree and an s6-designer.json (an export), read the
   * tree, which is what ships, and only compare the json with it (what `lint` does). Without
   * this the json is read, as the site's import does: it keeps what the tree cannot.
   */
  preferTree?: boolean
}

async function readSmallFile(arg: string, path: string, size: number): Promise<Uint8Array> {
  if (size > IMPORT_LIMITS.maxInputBytes)
    throw new InputError(
      `${arg} is ${formatBytes(size)}, more than the ${formatBytes(IMPORT_LIMITS.maxInputBytes)} an import reads`,
    )
  try {
    return new Uint8Array(await readFile(path))
  } catch {
    throw new InputError(`${arg}: cannot be read`)
  }
}

function fromImport(result: ImportResult): LoadedGraph {
  if (!result.ok) throw new InputError(result.error)
  return {
    graph: result.graph,
    diagnostics: result.diagnostics,
    report: result.report,
    notes: [],
    summary: result.summary,
  }
}

/**
 * The tree of `input` without its graph file, when it has both (see `LoadOptions.preferTree`);
 * undefined when there is no graph file or no tree beside it. `strict` reads through lib/import.
 */
function shippedTree(
  input: TreeInput,
  read: { context: 'overlay' | 'plain'; projectName?: string; name?: string },
  strict: boolean,
): LoadedGraph | undefined {
  const { tree, graphFile } = withoutGraphFiles(input)
  if (graphFile === undefined) return undefined
  const plain = readTree(tree, read)
  if (!foundTree(plain.report)) return undefined
  const loaded: LoadedGraph = strict
    ? fromImport(importTree(tree, read))
    : { graph: plain.graph, diagnostics: plain.diagnostics, report: plain.report, notes: [] }
  const report = loaded.report ?? plain.report
  loaded.diagnostics = [...loaded.diagnostics, ...compareWithGraphFile(input, graphFile, report)]
  loaded.setAside = graphFile
  return loaded
}

/** A zip's tree with its graph file set aside, for `preferTree`; undefined as shippedTree. */
async function shippedZipTree(
  name: string,
  bytes: Uint8Array,
  context: 'overlay' | 'plain',
): Promise<LoadedGraph | undefined> {
  const zip = await treeFromZip(bytes, IMPORT_LIMITS)
  if ('error' in zip) throw new InputError(refusal(name, zip.error))
  const projectName = projectNameFrom(name)
  return shippedTree(zip.tree, { context, name, ...(projectName ? { projectName } : {}) }, true)
}

/**
 * Reads a folder (readTree), a zip (lib/import, always with its checks) or, when `graphFiles`,
 * a graph JSON file (parseGraph); `-` reads a zip or a graph from standard input. With
 * `strict`, folders and JSON files go through lib/import too, so whatever it refuses is an
 * InputError.
 */
export async function loadGraph(
  cwd: string,
  arg: string,
  options: LoadOptions,
): Promise<LoadedGraph> {
  if (arg === STDIN_ARG) return loadBytes(arg, STDIN_ARG, await readStdin(), options)
  const path = resolve(cwd, arg)
  const st = await stat(path).catch(() => undefined)
  if (!st) throw new InputError(`${arg}: no such file or folder`)
  if (st.isDirectory()) {
    // An import keeps what it reads (in a graph a link may share): only links inside the folder.
    const input = await readTreeInput(path, { outside: options.strict !== true })
    const name = projectNameFor(path)
    const read = { context: options.context, ...(name ? { projectName: name } : {}) }
    const shipped = options.preferTree
      ? shippedTree(input, read, options.strict === true)
      : undefined
    if (shipped) return shipped
    if (options.strict) return fromImport(importTree(input, read))
    const tree = readTree(input, read)
    return { graph: tree.graph, diagnostics: tree.diagnostics, report: tree.report, notes: [] }
  }
  return loadBytes(arg, path, await readSmallFile(arg, path, st.size), options)
}

/** loadGraph for a file's bytes (`path` is `-` for standard input, whatever its contents). */
async function loadBytes(
  arg: string,
  path: string,
  bytes: Uint8Array,
  options: LoadOptions,
): Promise<LoadedGraph> {
  const stdin = path === STDIN_ARG
  const kind = sniff(arg, bytes).kind
  const shipped =
    kind === 'zip' && options.preferTree
      ? await shippedZipTree(basename(path), bytes, options.context)
      : undefined
  if (shipped) return shipped
  if (kind === 'zip' || options.strict)
    return fromImport(await importFile(basename(path), bytes, { context: options.context }))
  const what = stdin ? 'standard input' : arg
  if (!options.graphFiles) throw new InputError(`${what}: not a folder or a zip`)
  if (stdin && kind !== 'json')
    throw new InputError('standard input holds neither a zip nor a graph .json file')
  if (!stdin && !path.endsWith('.json'))
    throw new InputError(`${arg}: not a folder, a zip or a graph .json file`)
  const parsed = parseGraph(parseJsonText(new TextDecoder().decode(bytes), what))
  if (!parsed.ok) throw new InputError(`${what}: ${parsed.error}`)
  return { graph: parsed.graph, diagnostics: [], notes: parsed.notes }
}

/**
 * `d` with where its file is in the tree read: readTree says so for its own findings; the
 * design's checks name a file in a service's folder.
 */
function located(d: Diagnostic, dirs: Readonly<Record<string, string>>): Diagnostic {
  if (d.path !== undefined || d.file === undefined || d.service === undefined) return d
  const dir = dirs[d.service]
  return dir === undefined ? d : { ...d, path: joinPath(dir, d.file) }
}

/** readTree's and validate's diagnostics together, without repeats. */
export function allDiagnostics(loaded: LoadedGraph, context: 'overlay' | 'plain'): Diagnostic[] {
  const seen = new Set<string>()
  const out: Diagnostic[] = []
  // Files have a place only in a tree read as it is (not in a graph file).
  const tree = loaded.report !== undefined && loaded.report.graphFile === undefined
  const dirs = loaded.report?.serviceDirs ?? {}
  for (const d of [...loaded.diagnostics, ...validate(loaded.graph, { context })]) {
    const key = [d.code, d.service ?? '', d.file ?? '', d.field ?? '', d.message].join('\u0000')
    if (seen.has(key)) continue
    seen.add(key)
    out.push(tree ? located(d, dirs) : d)
  }
  return out
}

export function count(
  diagnostics: readonly Diagnostic[],
  severity: Diagnostic['severity'],
): number {
  return diagnostics.filter((d) => d.severity === severity).length
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "2 errors, 1 warning" (plus notes when there are any). */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const parts = [
    plural(count(diagnostics, 'error'), 'error'),
    plural(count(diagnostics, 'warning'), 'warning'),
  ]
  const infos = count(diagnostics, 'info')
  if (infos > 0) parts.push(plural(infos, 'note'))
  return parts.join(', ')
}

const RANK = { error: 0, warning: 1, info: 2 } as const

/**
 * Diagnostics grouped by service (general ones first), one line each plus its fix. A file is
 * named from `base` (the s6-rc.d folder read) when it is in it, else from the top of the input.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], base?: string): string {
  const groups = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) {
    const key = d.service ?? ''
    groups.set(key, [...(groups.get(key) ?? []), d])
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )
  const lines: string[] = []
  for (const key of keys) {
    lines.push(key === '' ? '(general)' : key)
    const list = [...(groups.get(key) ?? [])].sort((a, b) => RANK[a.severity] - RANK[b.severity])
    for (const d of list) {
      // A file of the tree read has its path (readTree's findings, a link, a v2 script…);
      // a check of the design names a file or field in its service's folder.
      const where =
        d.path !== undefined
          ? base && d.path.startsWith(`${base}/`)
            ? d.path.slice(base.length + 1)
            : d.path
          : [d.service, d.file ?? d.field].filter(Boolean).join('/') || '-'
      lines.push(`  ${d.severity.padEnd(7)}  ${where}  ${d.message} (${d.code})`)
      if (d.fix) lines.push(`  ${' '.repeat(7)}  fix: ${d.fix}`)
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/**
 * For a command that needs services (lint, plan): when the source holds none, says so on
 * stderr (the source-not-found diagnostic, then `line`) and returns true: exit 2, a read
 * problem, not a tree with errors.
 */
export function reportNoSource(
  loaded: LoadedGraph,
  line: string,
  stderr: (text: string) => void,
): boolean {
  const missing = loaded.diagnostics.filter((d) => d.code === 'source-not-found')
  if (missing.length === 0) return false
  stderr(`${formatDiagnostics(missing)}${line}\n`)
  return true
}

/** One line saying what was read. */
export function describeRead(loaded: LoadedGraph, arg: string): string {
  const services = Object.values(loaded.graph.services)
  const bundles = services.filter((s) => s.type === 'bundle').length
  const what = `${plural(services.length - bundles, 'service')}, ${plural(bundles, 'bundle')}`
  const r = loaded.report
  if (!r) return `${arg}: ${what}`
  const from = r.graphFile ?? r.sourceDir ?? r.rootfsDir
  if (from === undefined) return `${arg}: ${what}`
  const aside = loaded.setAside ? `, what ships; ${loaded.setAside} was only compared with it` : ''
  return `${arg}: ${what} (read from ${from || '.'}${aside})`
}
