import { describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import type { FileMap } from '@/lib/generate/file-map'
import { addDependency } from '@/lib/graph/service-graph'
import { NO_CHANGES, compareFileMaps, isUnchanged, isWholesale } from '@/lib/preview/file-changes'

const map = (entries: [string, string, boolean?][]): FileMap =>
  new Map(entries.map(([p, c, x]) => [p, { contents: c, executable: x ?? false }]))

describe('compareFileMaps', () => {
  it('reports nothing without a previous export', () => {
    expect(compareFileMaps(undefined, map([['a', 'x']]))).toBe(NO_CHANGES)
  })

  it('finds added, changed (contents or mode) and removed files, and their folders', () => {
    const before = map([
      ['d/a', 'x'],
      ['d/b', 'y'],
      ['d/e/c', 'z'],
      ['gone', ''],
    ])
    const after = map([
      ['d/a', 'x'],
      ['d/b', 'y2'],
      ['d/e/c', 'z', true],
      ['d/f/new', ''],
    ])
    const c = compareFileMaps(before, after)
    expect([...c.added]).toEqual(['d/f/new'])
    expect([...c.changed].sort()).toEqual(['d/b', 'd/e/c'])
    expect(c.removed).toEqual(['gone'])
    expect([...c.touchedDirs].sort()).toEqual(['d', 'd/e', 'd/f'])
    expect(isUnchanged(c)).toBe(false)
  })

  it('sees a new dependency as one added marker file plus the README and the design', () => {
    const g = exampleById('reference')!.graph
    const after = addDependency(g, 'worker', 'web')
    const c = compareFileMaps(exportFiles(g), exportFiles(after))
    expect([...c.added]).toEqual([
      'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/worker/dependencies.d/web',
    ])
    expect(c.changed.has('docker/s6/s6-designer.json')).toBe(true)
    expect(isWholesale(c, exportFiles(after))).toBe(false)
  })

  it('calls opening another design wholesale', () => {
    const a = exportFiles(exampleById('reference')!.graph)
    const b = exportFiles(exampleById('nested-bundles')!.graph)
    expect(isWholesale(compareFileMaps(a, b), b)).toBe(true)
  })
})
