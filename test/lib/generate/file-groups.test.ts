import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FileGroups, sortFileMap } from '@/lib/generate/file-map'
import type { FileMap, GeneratedFile } from '@/lib/generate/file-map'

const file = (contents: string): GeneratedFile => ({ contents, executable: false })

/** Path segments with the characters that sort around `/`: `-` and `.` before it, `0` after. */
const segment = fc.stringMatching(/^[a-c.\-0]{1,3}$/)
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'))

/** What FileGroups must give: every file in the order added, later ones winning, sorted. */
function expected(groups: ReadonlyArray<ReadonlyArray<readonly [string, string]>>): FileMap {
  const all: FileMap = new Map()
  for (const group of groups) for (const [p, c] of group) all.set(p, file(c))
  return sortFileMap(all)
}

function collect(groups: ReadonlyArray<ReadonlyArray<readonly [string, string]>>): FileGroups {
  const out = new FileGroups()
  for (const group of groups) {
    if (group.length === 1 && group[0]) out.set(group[0][0], file(group[0][1]))
    else out.add(new Map(group.map(([p, c]) => [p, file(c)])))
  }
  return out
}

describe('FileGroups', () => {
  it('gives the files of separate folders sorted by path, as sorting every path does', () => {
    // One group per folder, as the export makes them: a service folder, one file elsewhere.
    const folders = fc
      .uniqueArray(segment, { minLength: 1, maxLength: 8 })
      .chain((names) =>
        fc.tuple(
          ...names.map((name) =>
            fc
              .uniqueArray(path, { minLength: 1, maxLength: 5 })
              .map((paths) => paths.map((p, i) => [`root/${name}/${p}`, `${name}${i}`] as const)),
          ),
        ),
      )
    fc.assert(
      fc.property(folders, (groups) => {
        const got = collect(groups).sorted()
        expect([...got]).toEqual([...expected(groups)])
      }),
    )
  })

  it('falls back to sorting every path when groups nest or share a path', () => {
    const groups = fc.array(
      fc.array(fc.tuple(path, fc.string({ maxLength: 2 })), { minLength: 1, maxLength: 4 }),
      { minLength: 1, maxLength: 6 },
    )
    fc.assert(
      fc.property(groups, (gs) => {
        const unique = gs.map((g) => [...new Map(g)])
        expect([...collect(unique).sorted()]).toEqual([...expected(unique)])
      }),
    )
  })

  it('lists every path, folder by folder, in the order added', () => {
    const groups = new FileGroups()
    groups.add(
      new Map([
        ['a/x/2', file('')],
        ['a/x/1', file('')],
      ]),
    )
    groups.set('b', file(''))
    groups.add(new Map())
    expect([...groups.keys()]).toEqual(['a/x/2', 'a/x/1', 'b'])
    expect([...groups.sorted().keys()]).toEqual(['a/x/1', 'a/x/2', 'b'])
  })
})
