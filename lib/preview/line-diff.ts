/**
 * Line diffs between two versions of a file, for the Files preview: which lines of the new
 * version the last edit added or changed, and where lines went away. Myers' O(ND) algorithm
 * ("An O(ND) Difference Algorithm and Its Variations", 1986) on the part between the common
 * prefix and suffix, so a local edit in a long file costs little.
 */

/** A run of lines: kept, added (in `after` only) or removed (in `before` only). */
export interface DiffRun {
  kind: 'equal' | 'insert' | 'delete'
  /** Index in `before` where the run starts (for inserts: where it would go). */
  before: number
  /** Index in `after` where the run starts (for deletes: where they were). */
  after: number
  count: number
}

export interface LineChanges {
  /** 0-based indices of the lines of `after` that are new or changed. */
  inserted: Set<number>
  /** Lines of `before` removed just before line `at` of `after` (`at` = length: at the end). */
  deleted: Map<number, number>
}

/** Above this many edits the middle part counts as replaced as a whole (a new graph, a rewrite). */
const MAX_EDITS = 1000

/**
 * A file's lines: split at LF, without the empty string after a final newline.
 *
 * @example
 * splitLines('a\nb\n') // ['a', 'b']
 */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const parts = text.split('\n')
  if (parts[parts.length - 1] === '') parts.pop()
  return parts
}

function push(runs: DiffRun[], kind: DiffRun['kind'], before: number, after: number, count = 1) {
  if (count <= 0) return
  const last = runs[runs.length - 1]
  if (
    last &&
    last.kind === kind &&
    last.before + (kind === 'insert' ? 0 : last.count) === before &&
    last.after + (kind === 'delete' ? 0 : last.count) === after
  ) {
    last.count += count
  } else runs.push({ kind, before, after, count })
}

/**
 * The shortest edit script from a[lo..] to b[lo..] (both already trimmed of a common suffix),
 * as single-line steps in order, or undefined when it needs more than `maxEdits` edits.
 */
function myers(
  a: readonly string[],
  b: readonly string[],
  maxEdits: number,
): { kind: DiffRun['kind']; x: number; y: number }[] | undefined {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= Math.min(max, maxEdits); d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1))
    if (found >= 0) break
  }
  if (found < 0) return undefined
  const steps: { kind: DiffRun['kind']; x: number; y: number }[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!
    const at = (k: number) => prev[k + d - 1]!
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    const midX = down ? prevX : prevX + 1
    while (x > midX) {
      x--
      y--
      steps.push({ kind: 'equal', x, y })
    }
    if (down) steps.push({ kind: 'insert', x: prevX, y: prevY })
    else steps.push({ kind: 'delete', x: prevX, y: prevY })
    x = prevX
    y = prevY
  }
  while (x > 0) {
    x--
    y--
    steps.push({ kind: 'equal', x, y })
  }
  return steps.reverse()
}

/**
 * The runs that turn `before` into `after`, with as few added and removed lines as possible
 * (the kept lines are a longest common subsequence). Past `maxEdits` edits (default 1000) the
 * differing middle is reported as removed and added as a whole.
 *
 * @example
 * diffLines(['a', 'b'], ['a', 'x', 'b'])
 * // [{ kind: 'equal', before: 0, after: 0, count: 1 },
 * //  { kind: 'insert', before: 1, after: 1, count: 1 },
 * //  { kind: 'equal', before: 1, after: 2, count: 1 }]
 */
export function diffLines(
  before: readonly string[],
  after: readonly string[],
  options: { maxEdits?: number } = {},
): DiffRun[] {
  let prefix = 0
  const shorter = Math.min(before.length, after.length)
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++
  let suffix = 0
  while (
    suffix < shorter - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++
  const a = before.slice(prefix, before.length - suffix)
  const b = after.slice(prefix, after.length - suffix)
  const runs: DiffRun[] = []
  push(runs, 'equal', 0, 0, prefix)
  const steps = myers(a, b, options.maxEdits ?? MAX_EDITS)
  if (steps) {
    for (const s of steps) push(runs, s.kind, prefix + s.x, prefix + s.y)
  } else {
    push(runs, 'delete', prefix, prefix, a.length)
    push(runs, 'insert', prefix + a.length, prefix, b.length)
  }
  push(runs, 'equal', before.length - suffix, after.length - suffix, suffix)
  return runs
}

/**
 * What changed between two versions of a text, seen from the new one: its added lines and the
 * places where lines were removed.
 *
 * @example
 * const { inserted } = lineChanges('a\nb\n', 'a\nB\n') // inserted: Set {1}
 */
export function lineChanges(before: string, after: string): LineChanges {
  const inserted = new Set<number>()
  const deleted = new Map<number, number>()
  if (before === after) return { inserted, deleted }
  for (const run of diffLines(splitLines(before), splitLines(after))) {
    if (run.kind === 'insert') for (let i = 0; i < run.count; i++) inserted.add(run.after + i)
    else if (run.kind === 'delete')
      deleted.set(run.after, (deleted.get(run.after) ?? 0) + run.count)
  }
  return { inserted, deleted }
}
