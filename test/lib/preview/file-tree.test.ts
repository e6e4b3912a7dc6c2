import { describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import {
  ancestorsOf,
  buildFileTree,
  initiallyClosed,
  serviceFolder,
  serviceMainFile,
  visibleRows,
} from '@/lib/preview/file-tree'

const paths = [
  'docker/s6/Dockerfile',
  'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/web/run',
  'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/web/type',
  'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/db/type',
  'docker/s6/rootfs/etc/s6-overlay/scripts/db',
  'docker/s6/s6-designer.json',
]

describe('buildFileTree', () => {
  it('compacts chains of single folders and keeps the given order', () => {
    const root = buildFileTree(paths)
    expect(root.children.map((c) => c.name)).toEqual(['docker/s6'])
    const top = root.children[0]!
    expect(top.path).toBe('docker/s6')
    expect(top.children.map((c) => c.name)).toEqual([
      'Dockerfile',
      'rootfs/etc/s6-overlay',
      's6-designer.json',
    ])
    const overlay = top.children[1]!
    expect(overlay.path).toBe('docker/s6/rootfs/etc/s6-overlay')
    expect(overlay.children.map((c) => c.name)).toEqual(['s6-rc.d', 'scripts'])
  })
})

describe('visibleRows', () => {
  it('draws the tree like `tree` does and hides closed folders', () => {
    const root = buildFileTree(paths)
    const rows = visibleRows(root, () => true)
    expect(rows.map((r) => `${r.guide}${r.name}`)).toEqual([
      'docker/s6/',
      '├── Dockerfile',
      '├── rootfs/etc/s6-overlay/',
      '│   ├── s6-rc.d/',
      '│   │   ├── web/',
      '│   │   │   ├── run',
      '│   │   │   └── type',
      '│   │   └── db/',
      '│   │       └── type',
      '│   └── scripts/',
      '│       └── db',
      '└── s6-designer.json',
    ])
    const closed = visibleRows(root, (p) => !p.endsWith('/s6-rc.d'))
    expect(closed.map((r) => r.name)).not.toContain('web/')
    expect(closed.find((r) => r.name === 's6-rc.d/')).toMatchObject({ expanded: false, size: 2 })
  })
})

describe('initiallyClosed', () => {
  it('opens everything for a small export', () => {
    const files = exportFiles(exampleById('reference')!.graph)
    expect(initiallyClosed(buildFileTree(files.keys())).size).toBe(0)
  })

  it('closes a whole level when opening it would show too many rows', () => {
    const many = Array.from({ length: 100 }, (_, i) => [
      `r/s6-rc.d/s${i}/type`,
      `r/s6-rc.d/s${i}/run`,
    ]).flat()
    const root = buildFileTree(many)
    const closed = initiallyClosed(root, 150)
    expect(closed.has('r/s6-rc.d/s0')).toBe(true)
    expect(closed.has('r/s6-rc.d/s99')).toBe(true)
    const rows = visibleRows(root, (p) => !closed.has(p))
    expect(rows).toHaveLength(101)
  })

  it('opens a folder of folders in the level that does not fit, leaving its folders closed', () => {
    const many = Array.from({ length: 200 }, (_, i) => [
      `d/etc/s6-rc.d/s${i}/type`,
      `d/etc/s6-rc.d/s${i}/run`,
      `d/etc/scripts/s${i}`,
    ]).flat()
    const root = buildFileTree([...many, 'd/Dockerfile'])
    const closed = initiallyClosed(root)
    expect(closed.has('d/etc/s6-rc.d')).toBe(false)
    expect(closed.has('d/etc/s6-rc.d/s7')).toBe(true)
    expect(closed.has('d/etc/scripts')).toBe(true)
    const rows = visibleRows(root, (p) => !closed.has(p))
    expect(rows.filter((r) => r.kind === 'dir' && r.expanded).map((r) => r.name)).toEqual([
      'd/',
      'etc/',
      's6-rc.d/',
    ])
  })
})

describe('service lookups', () => {
  it('finds a service folder and its main file', () => {
    expect(serviceFolder(paths, 'web')).toBe('docker/s6/rootfs/etc/s6-overlay/s6-rc.d/web')
    expect(serviceFolder(paths, 'nope')).toBeUndefined()
    expect(serviceMainFile(paths, 'web', 'longrun')).toMatch(/web\/run$/)
    expect(serviceMainFile(paths, 'db', 'oneshot')).toBe(
      'docker/s6/rootfs/etc/s6-overlay/scripts/db',
    )
  })

  it('finds the user bundle in user-bundles.d', () => {
    const files = [...exportFiles(exampleById('reference')!.graph).keys()]
    expect(serviceMainFile(files, 'user', 'bundle')).toMatch(/user-bundles\.d\/user\/contents\.d\//)
  })

  it('lists the ancestors of a path', () => {
    expect(ancestorsOf('a/b/c')).toEqual(['a', 'a/b'])
    expect(ancestorsOf('a')).toEqual([])
  })
})
