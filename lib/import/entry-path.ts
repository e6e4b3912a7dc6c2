/**
 * The path checks every imported entry goes through, whether it comes from a zip or a dropped
 * folder: nothing may point outside the folder or carry bytes a file name should not have.
 */
import { normalizePath } from '../graph/tree-input'
import type { ImportLimits } from './limits'

/**
 * Why a path from an archive or a folder cannot be imported (completes "the entry "x" …"), or
 * undefined when it can. Backslashes count as separators, as Windows tools write them.
 *
 * @example
 * entryPathProblem('../etc/passwd', IMPORT_LIMITS) // 'climbs out of the folder with ..'
 */
export function entryPathProblem(
  path: string,
  limits: Pick<ImportLimits, 'maxPathLength'>,
): string | undefined {
  if (path.length > limits.maxPathLength)
    return `has a path of ${path.length} characters, more than the ${limits.maxPathLength} allowed`
  if (/[\x00-\x1f\x7f]/.test(path)) return 'has a control character in its name'
  if (path.includes('\ufffd')) return 'has a name that is not valid UTF-8'
  const slashed = path.replace(/\\/g, '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'is an absolute path'
  const segments = slashed.split('/')
  if (segments.includes('..')) return 'climbs out of the folder with a .. segment'
  // A plain object keyed by path would take this one as its prototype instead of a key.
  if (segments.includes('__proto__')) return 'has the reserved name __proto__'
  return undefined
}

/** The path as the tree stores it (`a/./b//c/` -> `a/b/c`); '' for the folder itself. */
export function entryPath(path: string): string {
  return normalizePath(path) ?? ''
}

/** A path for messages: quoted, control characters escaped, long ones shortened. */
export function showPath(path: string): string {
  return JSON.stringify(path.length > 120 ? `${path.slice(0, 117)}...` : path)
}
