/**
 * The generators' common output: a map from export-relative POSIX path to file contents, and
 * the small text helpers every generator uses so that all files end the same way.
 */
import { compareNames } from '../graph/service-graph'

/** One generated file. */
export interface GeneratedFile {
  contents: string
  /** Written with mode 0755 (scripts), else 0644. */
  executable: boolean
}

/** Export-relative POSIX path -> file. Paths never start with `/` and never contain `..`. */
export type FileMap = Map<string, GeneratedFile>

/**
 * Joins lines with LF and adds the trailing newline. No lines give an empty file.
 *
 * @example
 * lines(['longrun']) // 'longrun\n'
 */
export function lines(list: readonly string[]): string {
  return list.length === 0 ? '' : `${list.join('\n')}\n`
}

/** Converts CRLF and lone CR to LF. */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/**
 * A script body as lines: line endings converted to LF, trailing blank lines dropped (the file
 * gets exactly one final newline from `lines`).
 */
export function bodyLines(body: string): string[] {
  const text = toLf(body).replace(/\n+$/, '')
  return text === '' ? [] : text.split('\n')
}

/** A new map with the same entries in code-point order of their paths. */
export function sortFileMap(files: FileMap): FileMap {
  // The default sort compares UTF-16 code units, the same order as compareNames.
  const keys = [...files.keys()].sort()
  return new Map(keys.map((k) => [k, files.get(k) as GeneratedFile]))
}

/** What the generators that describe the export (Dockerfile, README) read of the files. */
export interface FilePaths {
  /** Every path, files of one folder together. */
  keys(): IterableIterator<string>
}

/** Files whose paths all start with `prefix`: a folder ending in `/`, or a single file's path. */
interface FileGroup {
  prefix: string
  files: FileMap
}

/**
 * The export's files as they are made, in groups (a service's folder, one file…), given at the
 * end as one FileMap sorted by path. Sorting the groups by their folder and each group's own
 * paths gives the order of sorting every path (the paths below a folder sort together, right
 * after the folder), with one map of every file instead of two (building a 96,000-entry map
 * costs far more per entry than a 9,600-entry one) and short comparisons instead of paths that
 * share their first 50 characters.
 */
export class FileGroups implements FilePaths {
  private readonly groups: FileGroup[] = []

  /** Adds files made together; their group's prefix is the folder they all share. */
  add(files: FileMap): void {
    let shared: string | undefined
    for (const path of files.keys())
      shared = shared === undefined ? path : commonPrefix(shared, path)
    if (shared === undefined) return
    const prefix = files.size === 1 ? shared : shared.slice(0, shared.lastIndexOf('/') + 1)
    this.groups.push({ prefix, files })
  }

  /** Adds one file. */
  set(path: string, file: GeneratedFile): void {
    this.groups.push({ prefix: path, files: new Map([[path, file]]) })
  }

  *keys(): IterableIterator<string> {
    for (const group of this.groups) yield* group.files.keys()
  }

  /** Every file, sorted by path; a later file replaces an earlier one of the same path. */
  sorted(): FileMap {
    const groups = [...this.groups].sort((a, b) => compareNames(a.prefix, b.prefix))
    // Groups that nest (one's prefix starts another's) or share a path: sort every path instead.
    for (let i = 1; i < groups.length; i++) {
      if ((groups[i] as FileGroup).prefix.startsWith((groups[i - 1] as FileGroup).prefix)) {
        return this.sortedPathByPath()
      }
    }
    const out: FileMap = new Map()
    for (const { files } of groups) {
      const paths = [...files.keys()]
      if (paths.length > 1) paths.sort()
      for (const path of paths) out.set(path, files.get(path) as GeneratedFile)
    }
    return out
  }

  private sortedPathByPath(): FileMap {
    const all: FileMap = new Map()
    for (const { files } of this.groups) for (const [path, file] of files) all.set(path, file)
    return sortFileMap(all)
  }
}

/** The longest common start of two strings. */
function commonPrefix(a: string, b: string): string {
  const end = Math.min(a.length, b.length)
  let i = 0
  while (i < end && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i === a.length ? a : a.slice(0, i)
}

/** Every directory that holds a file of the map (parents included), sorted. */
export function directoriesOf(files: Iterable<string>): string[] {
  const dirs = new Set<string>()
  for (const path of files) {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const dir = path.slice(0, i)
      if (dirs.has(dir)) break
      dirs.add(dir)
    }
  }
  return [...dirs].sort(compareNames)
}
