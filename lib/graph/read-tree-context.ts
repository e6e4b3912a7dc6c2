/**
 * Shared state of one `readTree` run: an index of the input folder, the report and the
 * diagnostics being collected.
 */
import { baseName, completeTree, decodeText, joinPath, parentPath } from './tree-input'
import type { TreeInput } from './tree-input'
import type { Diagnostic } from './types'

export type ReadAction = 'read' | 'converted' | 'ignored' | 'kept'

/** What happened to one path of the input. */
export interface ReadReportEntry {
  /** Path in the input, `/`-separated. */
  path: string
  action: ReadAction
  note: string
}

/** Where things were found, and what happened to each path that matters. */
export interface ReadReport {
  /** The s6-rc source folder read (`''` is the input itself); undefined when none was found. */
  sourceDir?: string
  /** The folder holding `etc/s6-overlay` (`''` for the input itself), when the input is a rootfs. */
  rootfsDir?: string
  /** `etc/s6-overlay/user-bundles.d`, when read. */
  userBundlesDir?: string
  /** `etc/s6-overlay/scripts`, when present. */
  scriptsDir?: string
  /** The `s6-designer.json` the graph came from, when there was one. */
  graphFile?: string
  entries: ReadReportEntry[]
}

export interface DirListing {
  files: string[]
  dirs: string[]
  links: string[]
}

/** Read-only view of a TreeInput with directory listings. */
export class TreeIndex {
  readonly files: Record<string, Uint8Array>
  readonly dirs: Set<string>
  readonly links: Set<string>
  readonly executables: Set<string>
  /** Whether the input said which files are executable (a zip may not). */
  readonly modesKnown: boolean
  readonly dropped: string[]
  private readonly listings = new Map<string, DirListing>()

  constructor(input: TreeInput) {
    const tree = completeTree(input)
    this.files = tree.files
    this.dirs = new Set(tree.dirs)
    this.links = new Set(tree.symlinks)
    this.executables = new Set(tree.executables)
    this.modesKnown = input.executables !== undefined
    this.dropped = tree.dropped
    const listing = (dir: string) => {
      let l = this.listings.get(dir)
      if (!l) {
        l = { files: [], dirs: [], links: [] }
        this.listings.set(dir, l)
      }
      return l
    }
    for (const f of Object.keys(this.files)) listing(parentPath(f)).files.push(baseName(f))
    for (const d of this.dirs) listing(parentPath(d)).dirs.push(baseName(d))
    for (const s of this.links) listing(parentPath(s)).links.push(baseName(s))
    for (const l of this.listings.values()) {
      l.files.sort()
      l.dirs.sort()
      l.links.sort()
    }
  }

  isDir(path: string): boolean {
    return path === '' || this.dirs.has(path)
  }

  isFile(path: string): boolean {
    return path in this.files
  }

  bytes(path: string): Uint8Array | undefined {
    return this.files[path]
  }

  text(path: string): string | undefined {
    const b = this.files[path]
    return b === undefined ? undefined : decodeText(b)
  }

  list(dir: string): DirListing {
    return this.listings.get(dir) ?? { files: [], dirs: [], links: [] }
  }

  /** Every file, directory and link below `dir`, depth first, sorted. */
  walk(dir: string): string[] {
    const out: string[] = []
    const l = this.list(dir)
    for (const f of l.files) out.push(joinPath(dir, f))
    for (const s of l.links) out.push(joinPath(dir, s))
    for (const d of l.dirs) {
      const sub = joinPath(dir, d)
      out.push(sub, ...this.walk(sub))
    }
    return out
  }

  allPaths(): string[] {
    return [...Object.keys(this.files), ...this.dirs, ...this.links]
  }
}

/** Collects the report and diagnostics of one read. */
export class ReadContext {
  readonly report: ReadReport = { entries: [] }
  readonly diagnostics: Diagnostic[] = []
  /** Script files consumed by an `up` or `down`. */
  readonly usedScripts = new Set<string>()

  constructor(
    readonly tree: TreeIndex,
    readonly context: 'overlay' | 'plain',
  ) {}

  note(path: string, action: ReadAction, note: string): void {
    this.report.entries.push({ path, action, note })
  }

  /** Reports every path below `dir` (and `dir` itself) with the same action and note. */
  noteAll(dir: string, action: ReadAction, note: string): void {
    this.note(dir, action, note)
    for (const p of this.tree.walk(dir)) this.note(p, action, note)
  }

  diag(d: Diagnostic): void {
    this.diagnostics.push(d)
  }

  /** A symbolic link that matters: s6 follows it, s6 Designer cannot. */
  symlink(path: string, service?: string): void {
    this.note(path, 'ignored', 'symbolic link: not followed')
    this.diag({
      code: 'symlink-not-followed',
      severity: 'warning',
      ...(service ? { service } : {}),
      file: path,
      message: `${path} is a symbolic link. s6 follows it, but s6 Designer does not read through links, so what it points to is not part of the import.`,
      fix: 'Replace the link with a copy of the file or folder it points to.',
    })
  }
}
