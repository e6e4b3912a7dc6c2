import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TreeIndex } from '@/lib/graph/read-tree-context'
import { readTree } from '@/lib/graph/read-tree'
import {
  completeTree,
  fileIn,
  fileRecord,
  filePaths,
  indexTree,
  normalizePath,
  textTree,
} from '@/lib/graph/tree-input'

/** The plain definition: split on / (after \ -> /), drop empty and `.` segments, refuse `..`. */
function normalizeSlowly(path: string): string | undefined {
  const parts: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') return undefined
    parts.push(part)
  }
  return parts.join('/')
}

const segment = fc.oneof(
  fc.constantFrom('', '.', '..', '...', '.a', 'a.', '..a', 'a..', 'type', 'run', '\\', 'a\\b'),
  fc.string({ maxLength: 4 }),
)
const path = fc.array(segment, { maxLength: 6 }).map((s) => s.join('/'))

describe('normalizePath', () => {
  it('returns exactly what the segment-by-segment definition gives, for any path', () => {
    fc.assert(
      fc.property(fc.oneof(path, fc.string()), (p) => {
        expect(normalizePath(p)).toBe(normalizeSlowly(p))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps a normal path as it is and rewrites the others', () => {
    expect(normalizePath('a/.b/c..')).toBe('a/.b/c..')
    expect(normalizePath('./a//b/')).toBe('a/b')
    expect(normalizePath('a\\b')).toBe('a/b')
    expect(normalizePath('a/../b')).toBeUndefined()
    expect(normalizePath('')).toBe('')
  })
})

describe('indexTree', () => {
  it('lists every directory once, parents included, with sorted entries', () => {
    const type = new Uint8Array([1])
    const run = new Uint8Array([2])
    const t = indexTree({
      files: {
        'x/b/type': type,
        './x/a/type': new Uint8Array(),
        'x/b//run': run,
      },
      dirs: ['x/c/contents.d', 'x/c/'],
      symlinks: ['x/link'],
    })
    expect([...t.listings.keys()].sort()).toEqual(['', 'x', 'x/a', 'x/b', 'x/c', 'x/c/contents.d'])
    expect(t.listings.get('x')).toEqual({
      files: [],
      fileBytes: [],
      dirs: ['a', 'b', 'c'],
      links: ['link'],
    })
    expect(t.listings.get('x/b')?.files).toEqual(['run', 'type'])
    expect(t.listings.get('x/b')?.fileBytes).toEqual([run, type])
  })

  it('lists each folder sorted by code units, whatever order the paths come in', () => {
    const name = fc.constantFrom('a', 'B', 'b', '.x', 'z9', 'run', 'type', 'é', '10', '9')
    fc.assert(
      fc.property(
        fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 60 }),
        (paths) => {
          const files: Record<string, Uint8Array> = Object.create(null) as Record<
            string,
            Uint8Array
          >
          for (const p of paths) files[p.join('/')] = new TextEncoder().encode(p.join('/'))
          const t = indexTree({ files, dirs: [] })
          for (const [dir, l] of t.listings) {
            for (const list of [l.files, l.dirs, l.links]) {
              expect(list).toEqual([...list].sort())
              expect(new Set(list).size).toBe(list.length)
            }
            // Each file's bytes stay with its name.
            l.files.forEach((name, i) => {
              const path = dir === '' ? name : `${dir}/${name}`
              expect(new TextDecoder().decode(l.fileBytes[i])).toBe(path)
            })
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('finds every file by its path, and nothing else', () => {
    const name = fc.constantFrom('a', 'b', '.', 'run', 'type', '__proto__', 'constructor', 'é')
    fc.assert(
      fc.property(
        fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 30 }),
        fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
        (given, probes) => {
          const files = fileRecord()
          const expected = new Map<string, Uint8Array>()
          given.forEach((parts, i) => (files[parts.join('/')] = new Uint8Array([i])))
          // Two spellings of one path: the one that comes last in the record wins.
          for (const raw of Object.keys(files)) {
            const path = normalizePath(raw)
            if (path) expected.set(path, files[raw]!)
          }
          const t = indexTree({ files, dirs: [] })
          expect(new Set(filePaths(t))).toEqual(new Set(expected.keys()))
          for (const [path, bytes] of expected) expect(fileIn(t, path)).toBe(bytes)
          for (const parts of probes) {
            const path = parts.join('/')
            expect(fileIn(t, path)).toBe(expected.get(path))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('sorts a long listing given in reverse, each file keeping its bytes', () => {
    const files: Record<string, Uint8Array> = {}
    const names = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}`)
    for (const name of [...names].reverse()) files[`d/${name}`] = new TextEncoder().encode(name)
    const l = indexTree({ files, dirs: [] }).listings.get('d')!
    expect(l.files).toEqual(names)
    expect(l.fileBytes.map((b) => new TextDecoder().decode(b))).toEqual(names)
  })

  it('lists a file given twice under two spellings once (the last one wins)', () => {
    const t = indexTree({
      files: { 'a/type': new Uint8Array([1]), './a/type': new Uint8Array([2]) },
      dirs: [],
    })
    expect(t.listings.get('a')?.files).toEqual(['type'])
    expect(fileIn(t, 'a/type')).toEqual(new Uint8Array([2]))
    expect(fileIn(t, 'a/run')).toBeUndefined()
    expect(fileIn(t, 'b/type')).toBeUndefined()
    expect(t.listings.get('a')?.fileBytes).toEqual([new Uint8Array([2])])
  })

  it('drops paths that climb out, in every list', () => {
    const t = indexTree({
      files: { '../x': new Uint8Array(), ok: new Uint8Array() },
      dirs: ['a/../../b'],
      symlinks: ['../l'],
      executables: ['../x', 'ok'],
    })
    expect(t.dropped).toEqual(['../x', 'a/../../b', '../l', '../x'])
    expect(t.executables).toEqual(['ok'])
    expect(filePaths(t)).toEqual(['ok'])
  })
})

describe('TreeIndex', () => {
  it('knows only the files of the tree, whatever their names (no object prototype keys)', () => {
    const tree = new TreeIndex(textTree({ 'svc/type': 'longrun\n' }))
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(tree.isFile(name)).toBe(false)
      expect(tree.bytes(name)).toBeUndefined()
      expect(tree.isDir(name)).toBe(false)
    }
  })

  it('reads a file literally named __proto__ like any other', () => {
    const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>
    files['__proto__'] = new TextEncoder().encode('x')
    files['constructor/type'] = new TextEncoder().encode('longrun\n')
    files['constructor/run'] = new TextEncoder().encode('#!/bin/sh\nexec sleep 1\n')
    const tree = new TreeIndex({ files, dirs: [] })
    expect(tree.text('__proto__')).toBe('x')
    expect(tree.list('').files).toEqual(['__proto__'])
    const { graph } = readTree({ files, dirs: [] }, { context: 'plain' })
    expect(graph.services['constructor']?.type).toBe('longrun')
  })

  it('completeTree keeps the old shape: a record of files and the sorted directories', () => {
    const t = completeTree({ files: { 'a/b/c': new Uint8Array() }, dirs: ['d'] })
    expect(Object.keys(t.files)).toEqual(['a/b/c'])
    expect(t.dirs).toEqual(['a', 'a/b', 'd'])
  })
})
