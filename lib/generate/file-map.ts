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
