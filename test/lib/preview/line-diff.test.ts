import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type DiffRun, diffLines, lineChanges, splitLines } from '@/lib/preview/line-diff'

/** Rebuilds `after` from `before` and the runs, checking that every run points where it says. */
function apply(before: readonly string[], runs: DiffRun[], after: readonly string[]): string[] {
  const out: string[] = []
  let i = 0
  for (const run of runs) {
    expect(run.count).toBeGreaterThan(0)
    expect(run.after).toBe(out.length)
    if (run.kind === 'insert') {
      out.push(...after.slice(run.after, run.after + run.count))
      continue
    }
    expect(run.before).toBe(i)
    if (run.kind === 'equal') out.push(...before.slice(i, i + run.count))
    i += run.count
  }
  expect(i).toBe(before.length)
  return out
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diag = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!)
      diag = up
    }
  }
  return row[b.length]!
}

const kept = (runs: DiffRun[]) =>
  runs.filter((r) => r.kind === 'equal').reduce((n, r) => n + r.count, 0)

describe('splitLines', () => {
  it('drops the empty string after a final newline only', () => {
    expect(splitLines('')).toEqual([])
    expect(splitLines('a\nb\n')).toEqual(['a', 'b'])
    expect(splitLines('a\n\n')).toEqual(['a', ''])
    expect(splitLines('a')).toEqual(['a'])
  })
})

describe('diffLines', () => {
  it('keeps identical files as one equal run', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual([
      { kind: 'equal', before: 0, after: 0, count: 2 },
    ])
  })

  it('finds a line added in the middle', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual([
      { kind: 'equal', before: 0, after: 0, count: 1 },
      { kind: 'insert', before: 1, after: 1, count: 1 },
      { kind: 'equal', before: 1, after: 2, count: 2 },
    ])
  })

  it('reports a changed line as removed then added', () => {
    const runs = diffLines(['a', 'b', 'c'], ['a', 'B', 'c'])
    expect(runs.map((r) => [r.kind, r.count])).toEqual([
      ['equal', 1],
      ['delete', 1],
      ['insert', 1],
      ['equal', 1],
    ])
  })

  it('handles empty sides', () => {
    expect(diffLines([], ['a', 'b'])).toEqual([{ kind: 'insert', before: 0, after: 0, count: 2 }])
    expect(diffLines(['a'], [])).toEqual([{ kind: 'delete', before: 0, after: 0, count: 1 }])
    expect(diffLines([], [])).toEqual([])
  })

  it('falls back to replacing the middle when the edits exceed the limit', () => {
    const runs = diffLines(['k', 'a', 'b', 'c', 'k'], ['k', 'x', 'y', 'z', 'k'], { maxEdits: 2 })
    expect(apply(['k', 'a', 'b', 'c', 'k'], runs, ['k', 'x', 'y', 'z', 'k'])).toEqual([
      'k',
      'x',
      'y',
      'z',
      'k',
    ])
    expect(runs.map((r) => r.kind)).toEqual(['equal', 'delete', 'insert', 'equal'])
  })

  it('rebuilds the new version and keeps a longest common subsequence (property)', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '')
    fc.assert(
      fc.property(fc.array(line, { maxLength: 24 }), fc.array(line, { maxLength: 24 }), (a, b) => {
        const runs = diffLines(a, b)
        expect(apply(a, runs, b)).toEqual(b)
        expect(kept(runs)).toBe(lcsLength(a, b))
      }),
      { numRuns: 400 },
    )
  })

  it('is quick on a long file with a local edit', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `line ${i}`)
    const after = [...before.slice(0, 9000), 'new', ...before.slice(9001)]
    const t = performance.now()
    const runs = diffLines(before, after)
    expect(performance.now() - t).toBeLessThan(200)
    expect(runs.filter((r) => r.kind !== 'equal')).toHaveLength(2)
  })
})

describe('lineChanges', () => {
  it('lists added lines and where lines were removed, by index in the new text', () => {
    const c = lineChanges('a\nb\nc\nd\n', 'a\nc\nX\nd\nY\n')
    expect([...c.inserted].sort()).toEqual([2, 4])
    expect([...c.deleted]).toEqual([[1, 1]])
  })

  it('reports nothing for equal texts', () => {
    const c = lineChanges('a\n', 'a\n')
    expect(c.inserted.size).toBe(0)
    expect(c.deleted.size).toBe(0)
  })
})
