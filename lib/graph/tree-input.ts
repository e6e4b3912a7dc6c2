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
  /** Paths that were symbolic links; never followed, reported as ignored. */
  symlinks?: string[]
  /** Files that had an execute bit (used for `data/` files kept verbatim). */
  executables?: string[]
}

/**
 * Normalizes one path: `/`-separated, no leading `./` or `/`, no trailing `/`, no empty or `.`
 * segments. Returns undefined for paths that climb out (`..`), which a tree never contains.
 */
export function normalizePath(path: string): string | undefined {
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

/** Bytes as text (invalid UTF-8 becomes U+FFFD). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

/** Whether the bytes are valid UTF-8 without NUL bytes: a text file. */
export function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
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
  const out: Record<string, Uint8Array> = {}
  for (const [path, contents] of Object.entries(files)) {
    out[path] = typeof contents === 'string' ? encodeText(contents) : contents
  }
  return completeTree({ files: out, dirs: [...emptyDirs] })
}

/**
 * Returns the same tree with normalized paths and every parent directory listed.
 * Entries whose path climbs out of the tree are dropped and returned in `dropped`.
 */
export function completeTree(input: TreeInput): TreeInput & { dropped: string[] } {
  const files: Record<string, Uint8Array> = {}
  const dirs = new Set<string>()
  const dropped: string[] = []
  const addParents = (path: string) => {
    for (let p = parentPath(path); p !== ''; p = parentPath(p)) {
      if (dirs.has(p)) break
      dirs.add(p)
    }
  }
  for (const [raw, bytes] of Object.entries(input.files)) {
    const path = normalizePath(raw)
    if (path === undefined || path === '') {
      dropped.push(raw)
      continue
    }
    files[path] = bytes
    addParents(path)
  }
  for (const raw of input.dirs) {
    const path = normalizePath(raw)
    if (path === undefined) {
      dropped.push(raw)
      continue
    }
    if (path === '') continue
    addParents(path)
    dirs.add(path)
  }
  const norm = (list: readonly string[] | undefined) => {
    const out: string[] = []
    for (const raw of list ?? []) {
      const path = normalizePath(raw)
      if (path === undefined || path === '') dropped.push(raw)
      else out.push(path)
    }
    return out
  }
  const symlinks = norm(input.symlinks)
  for (const s of symlinks) addParents(s)
  return {
    files,
    dirs: [...dirs].sort(),
    symlinks,
    ...(input.executables ? { executables: norm(input.executables) } : {}),
    dropped,
  }
}
