/**
 * Guards that keep every generated path inside the export root. Names are validated elsewhere
 * (lib/graph/validate.ts); the generators check again because they write files and must never
 * produce `..`, an absolute path or a control character, whatever graph they are given.
 */

// Control characters (C0, DEL, C1) have no place in a file name we write.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Whether `name` can be one path segment: non-empty, at most 255 UTF-16 units, no `/` or `\`,
 * no control character, and not starting with `.` (s6-rc skips dot-names, and `.`/`..` would
 * leave the folder).
 */
export function isSafeSegment(name: string): boolean {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 255 &&
    !name.startsWith('.') &&
    !name.includes('/') &&
    !name.includes('\\') &&
    !CONTROL.test(name)
  )
}

/** Whether a service, bundle or pipeline name can name a folder or a marker file. */
export function isSafeName(name: string): boolean {
  return isSafeSegment(name)
}

/** Whether an env var name can be a file in `env/` that s6-envdir reads (no `=` either). */
export function isSafeEnvName(name: string): boolean {
  return isSafeSegment(name) && !name.includes('=')
}

/**
 * Whether a relative POSIX path (for example `data/config/app.toml`) stays inside the folder it
 * is relative to: every segment safe, no empty segment, no leading `/`.
 */
export function isSafeRelativePath(path: string): boolean {
  return typeof path === 'string' && path.length > 0 && path.split('/').every(isSafeSegment)
}

/**
 * Normalizes the project's `repoDir` (`./docker/s6/` -> `docker/s6`, `.` or `` -> ``).
 * Returns undefined when it would leave the export root or holds an unsafe segment.
 */
export function normalizeRepoDir(repoDir: string): string | undefined {
  if (typeof repoDir !== 'string') return undefined
  const parts = repoDir.split('/').filter((p) => p !== '' && p !== '.')
  // A folder of the user's repository may start with a dot (`.docker/s6`); `..` may not.
  const ok = (p: string) => p !== '..' && isSafeSegment(p.startsWith('.') ? p.slice(1) || '.' : p)
  // `$` would be expanded by Docker in the COPY line, even in its JSON form.
  if (repoDir.startsWith('/') || repoDir.includes('$') || !parts.every(ok)) return undefined
  return parts.join('/')
}

/** Whether `name` can name a Docker build stage (`FROM … AS name`). */
export function isStageName(name: unknown): name is string {
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(name)
}

/** Whether `image` can stand after FROM as one word (no space, quote or backslash). */
export function isImageReference(image: unknown): image is string {
  return typeof image === 'string' && /^[^\s"'\\]+$/.test(image)
}
