/**
 * Shared state of one `readTree` run: an index of the input folder, the report and the
 * diagnostics being collected.
 */
import { EMPTY_LISTING, decodeText, fileIn, indexTree, joinPath } from './tree-input'
import type { DirListing, IndexedTree, TreeInput } from './tree-input'
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
  /** Each service read from a folder -> that folder, from the top of the input. */
  serviceDirs?: Record<string, string>
  /** `etc/s6-overlay/scripts`, when present. */
  scriptsDir?: string
  /** The `s6-designer.json` the graph came from, when there was one. */
  graphFile?: string
  /**
   * Services were read from a tree without s6-designer.json: the project settings (s6-overlay
   * version, base image, S6_* settings, container env, ports, health check) are the defaults,
   * as an s6-rc tree does not hold them.
   */
  projectDefaults?: boolean
  entries: ReadReportEntry[]
}

export type { DirListing } from './tree-input'

/** Read-only view of a TreeInput with directory listings. */
export class TreeIndex {
  readonly links: Set<string>
  readonly executables: Set<string>
  /** Whether the input said which files are executable (a zip may not). */
  readonly modesKnown: boolean
  readonly dropped: string[]
  /** Every directory ('' is the top) -> its sorted entries. */
  private readonly listings: Map<string, DirListing>
  private readonly tree: IndexedTree

  constructor(input: TreeInput) {
    const tree = indexTree(input)
    this.tree = tree
    this.listings = tree.listings
    this.links = new Set(tree.symlinks)
    this.executables = new Set(tree.executables)
    this.modesKnown = input.executables !== undefined
    this.dropped = tree.dropped
  }

  /** Every directory below the top, in no particular order. */
  allDirs(): string[] {
    return [...this.listings.keys()].filter((d) => d !== '')
  }

  isDir(path: string): boolean {
    return this.listings.has(path)
  }

  isFile(path: string): boolean {
    return fileIn(this.tree, path) !== undefined
  }

  bytes(path: string): Uint8Array | undefined {
    return fileIn(this.tree, path)
  }

  text(path: string): string | undefined {
    const b = fileIn(this.tree, path)
    return b === undefined ? undefined : decodeText(b)
  }

  /** Every folder ('' is the top) with its listing, in no particular order. */
  folders(): IterableIterator<[string, DirListing]> {
    return this.listings.entries()
  }

  list(dir: string): DirListing {
    return this.listings.get(dir) ?? EMPTY_LISTING
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

  /** A symbolic link that matters and could not be read through (see TreeInput.symlinks). */
  symlink(path: string, service?: string): void {
    this.note(path, 'ignored', 'symbolic link: not followed')
    this.diag({
      code: 'symlink-not-followed',
      severity: 'warning',
      ...(service ? { service } : {}),
      file: path,
      message: `${path} is a symbolic link s6 Designer did not follow (a link in a zip; or one that leads nowhere, up to a folder holding it, or, for an import, out of the folder imported), so what it points to is not part of the import.`,
      fix: 'Point the link at the file or folder it stands for, or replace it with a copy of it.',
    })
  }
}
