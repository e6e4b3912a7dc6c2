/**
 * A folder as plain data, the input of `readTree`: what the CLI reads from disk, what the site
 * gets from a dropped folder or zip. No Node, no DOM: paths are POSIX and relative, contents
 * are bytes (some s6-rc files are deliberately malformed, so nothing is decoded up front).
 */

export interface TreeInput {
  /** Every regular file: relative POSIX path -> bytes. */
  files: Record<string, Uint8Array>
  /** Every directory, empty ones included (an empty `contents.d/` is meaningful). */
  dirs: string[]
  /**
   * Symbolic links that could not be read through (a zip's, a broken one, one up to a folder
   * holding the tree): reported as ignored. The CLI reads through every other link, as
   * s6-rc-compile does.
   */
  symlinks?: string[]
  /** Files that had an execute bit (used for `data/` files kept verbatim). */
  executables?: string[]
}

/** What a normalized path never has: a backslash, an empty, `.` or `..` segment, a `/` at either end. */
const NOT_NORMAL = /\\|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)|^$/

/**
 * A new, empty record for `TreeInput.files`: without a prototype, so that every path, even
 * `__proto__` or `constructor`, is an ordinary key.
 */
export function fileRecord<T = Uint8Array>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * Normalizes one path: `/`-separated, no leading `./` or `/`, no trailing `/`, no empty or `.`
 * segments. Returns undefined for paths that climb out (`..`), which a tree never contains.
 */
export function normalizePath(path: string): string | undefined {
  if (!NOT_NORMAL.test(path)) return path
  const parts: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') return undefined
    parts.push(part)
  }
  return parts.join('/')
}

/** The directory part of a normalized path ('' for a top-level entry). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

/** The last segment of a normalized path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** `a` joined with `b` (either may be empty). */
export function joinPath(a: string, b: string): string {
  if (a === '') return b
  if (b === '') return a
  return `${a}/${b}`
}

const encoder = new TextEncoder()

/** Text as UTF-8 bytes. */
export function encodeText(text: string): Uint8Array {
  return encoder.encode(text)
}

// ignoreBOM keeps a byte-order mark in the text: s6 reads the bytes as they are, so a BOM is
// something to report, not to drop unseen.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** The byte-order mark some editors put first in a UTF-8 file, as text. */
export const BOM = '\ufeff'

/** Bytes as text (invalid UTF-8 becomes U+FFFD; a byte-order mark is kept). */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}

/** Whether the bytes are valid UTF-8 without NUL bytes: a text file. */
export function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    strictDecoder.decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Builds a TreeInput from text files (tests, pasted trees, the site's examples). Parent
 * directories are added; `emptyDirs` lists directories that have no files.
 *
 * @example
 * textTree({ 'web/type': 'longrun\n', 'web/run': '#!/bin/sh\nexec web\n' }, ['user/contents.d'])
 */
export function textTree(
  files: Record<string, string | Uint8Array>,
  emptyDirs: readonly string[] = [],
): TreeInput {
  const out = fileRecord()
  for (const [path, contents] of Object.entries(files)) {
    out[path] = typeof contents === 'string' ? encodeText(contents) : contents
  }
  return completeTree({ files: out, dirs: [...emptyDirs] })
}

/** The entries of one directory, each list sorted. */
export interface DirListing {
  readonly files: readonly string[]
  /**
   * `fileBytes[i]` is the contents of `files[i]`: a service folder reads its files from here,
   * not through a lookup by full path in a map of every file of the tree.
   */
  readonly fileBytes: readonly Uint8Array[]
  readonly dirs: readonly string[]
  readonly links: readonly string[]
}

/** A listing as `indexTree` fills it. */
interface Listing {
  files: string[]
  fileBytes: Uint8Array[]
  dirs: string[]
  links: string[]
}

/**
 * The list of a listing that has none of those entries yet: one shared, frozen array, replaced
 * by a list of its own on the first entry. A tree has tens of thousands of folders, most with
 * no links and no subfolders, and an array that is pushed to holds room for 17 entries.
 */
const NONE = Object.freeze([]) as unknown as never[]

/** A new folder's listing, with nothing in it yet. */
const newListing = (): Listing => ({ files: NONE, fileBytes: NONE, dirs: NONE, links: NONE })

/** The listing of a folder the tree does not have: nothing in it, shared, frozen. */
export const EMPTY_LISTING: DirListing = Object.freeze(newListing())

/** `list` with `item` added: a new array in place of NONE. */
function added<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item]
  list.push(item)
  return list
}

/** A TreeInput with normalized paths, every directory listed with its files' bytes. */
export interface IndexedTree {
  /** Every directory ('' is the top) -> its entries. */
  listings: Map<string, DirListing>
  symlinks: string[]
  executables?: string[]
  /** Entries whose path climbs out of the tree (`..`): left out. */
  dropped: string[]
}

/**
 * Normalizes every path of a tree and lists every directory, parents included, in one pass.
 * Files are found through their folder's listing (see `fileIn`), not in one map of every path:
 * at 100,000 files, hashing every path into one table costs far more per file than at 10,000.
 */
export function indexTree(input: TreeInput): IndexedTree {
  const listings = new Map<string, Listing>([['', newListing()]])
  const dropped: string[] = []
  const dir = (path: string): Listing => {
    let l = listings.get(path)
    if (l === undefined) {
      l = newListing()
      listings.set(path, l)
      const parent = dir(parentPath(path))
      parent.dirs = added(parent.dirs, baseName(path))
    }
    return l
  }
  const normalized = (raw: string): string | undefined => {
    const path = normalizePath(raw)
    if (path === undefined || path === '') dropped.push(raw)
    return path || undefined
  }
  const given = input.files
  // Paths usually come grouped by folder (sorted, as zips and folder walks list them): the
  // files of a run of paths in one folder are gathered in two reused arrays and given to the
  // folder's listing as exact-size copies when the run ends.
  let lastDir = '\0'
  let last = newListing()
  const runNames: string[] = []
  const runBytes: Uint8Array[] = []
  let run = 0
  const endRun = () => {
    if (run === 0) return
    const names = runNames.slice(0, run)
    const bytes = runBytes.slice(0, run)
    // A folder whose files came in two runs (paths in no order) gets both.
    last.files = last.files === NONE ? names : last.files.concat(names)
    last.fileBytes = last.fileBytes === NONE ? bytes : last.fileBytes.concat(bytes)
    run = 0
  }
  for (const raw of Object.keys(given)) {
    const path = normalized(raw)
    if (path === undefined) continue
    const slash = path.lastIndexOf('/')
    if (!(slash === lastDir.length && path.startsWith(lastDir))) {
      endRun()
      lastDir = slash < 0 ? '' : path.slice(0, slash)
      last = dir(lastDir)
    }
    runNames[run] = path.slice(slash + 1)
    runBytes[run] = given[raw] as Uint8Array
    run++
  }
  endRun()
  for (const raw of input.dirs) {
    const path = normalizePath(raw)
    if (path === undefined) dropped.push(raw)
    else dir(path)
  }
  const symlinks: string[] = []
  for (const raw of input.symlinks ?? []) {
    const path = normalized(raw)
    if (path === undefined) continue
    symlinks.push(path)
    const parent = dir(parentPath(path))
    parent.links = added(parent.links, baseName(path))
  }
  for (const l of listings.values()) {
    if (l.files.length > 1) {
      sortInPlace(l.files, l.fileBytes)
      dropRepeats(l.files, l.fileBytes)
    }
    if (l.dirs.length > 1) sortInPlace(l.dirs)
    if (l.links.length > 1) sortInPlace(l.links)
  }
  const executables = input.executables?.map(normalized).filter((p) => p !== undefined)
  return { listings, symlinks, ...(executables ? { executables } : {}), dropped }
}

/**
 * Keeps one of each name in a sorted listing: two input paths that normalize to the same one
 * (`a/run`, `./a/run`) are one file, with the bytes given last (the sort keeps their order).
 */
function dropRepeats(names: string[], values: Uint8Array[]): void {
  let kept = 0
  for (let i = 0; i < names.length; i++) {
    if (kept > 0 && names[kept - 1] === names[i]) kept--
    names[kept] = names[i]!
    values[kept] = values[i]!
    kept++
  }
  names.length = kept
  values.length = kept
}

/** The index of `name` in a sorted list of names, or -1 (binary search, code-unit order). */
function sortedIndex(names: readonly string[], name: string): number {
  let lo = 0
  let hi = names.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const at = names[mid]!
    if (at === name) return mid
    if (at < name) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** The bytes of the file at a normalized `path` of an indexed tree, if there is one. */
export function fileIn(tree: IndexedTree, path: string): Uint8Array | undefined {
  const slash = path.lastIndexOf('/')
  const l = tree.listings.get(slash < 0 ? '' : path.slice(0, slash))
  if (l === undefined) return undefined
  const i = sortedIndex(l.files, path.slice(slash + 1))
  return i < 0 ? undefined : l.fileBytes[i]
}

/** Every file path of an indexed tree, folder by folder. */
export function filePaths(tree: IndexedTree): string[] {
  const out: string[] = []
  for (const [dir, l] of tree.listings) for (const name of l.files) out.push(joinPath(dir, name))
  return out
}

/**
 * Sorts names in place by UTF-16 code units (the order of compareNames), and `values` (aligned
 * with the names) along with them. Most folder listings are short and arrive sorted;
 * Array.prototype.sort allocates work space on every call, which a tree of 100,000 files pays
 * for tens of thousands of times, so those are checked or insertion-sorted here.
 */
function sortInPlace<T>(names: string[], values?: T[]): void {
  let sorted = true
  for (let i = 1; i < names.length && sorted; i++) sorted = names[i - 1]! <= names[i]!
  if (sorted) return
  if (names.length > 16) {
    const order = names.map((_, i) => i)
    order.sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0))
    const oldNames = names.slice()
    const oldValues = values?.slice()
    order.forEach((from, to) => {
      names[to] = oldNames[from]!
      if (values && oldValues) values[to] = oldValues[from]!
    })
    return
  }
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!
    const value = values?.[i]
    let j = i - 1
    for (; j >= 0 && names[j]! > name; j--) {
      names[j + 1] = names[j]!
      if (values) values[j + 1] = values[j]!
    }
    names[j + 1] = name
    if (values) values[j + 1] = value as T
  }
}

/**
 * Returns the same tree with normalized paths and every parent directory listed.
 * Entries whose path climbs out of the tree are dropped and returned in `dropped`.
 */
export function completeTree(input: TreeInput): TreeInput & { dropped: string[] } {
  const tree = indexTree(input)
  const files = fileRecord()
  for (const [dir, l] of tree.listings)
    l.files.forEach((name, i) => (files[joinPath(dir, name)] = l.fileBytes[i]!))
  return {
    files,
    dirs: [...tree.listings.keys()].filter((d) => d !== '').sort(),
    symlinks: tree.symlinks,
    ...(tree.executables ? { executables: tree.executables } : {}),
    dropped: tree.dropped,
  }
}
