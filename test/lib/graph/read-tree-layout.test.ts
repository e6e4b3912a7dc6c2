import { describe, expect, it } from 'vitest'
import { serializeGraph } from '@/lib/graph/parse'
import { READ_TREE_DIAGNOSTICS } from '@/lib/graph/read-tree-codes'
import { readTree } from '@/lib/graph/read-tree'
import { createGraph, longrun } from '@/lib/graph/service-graph'
import { textTree } from '@/lib/graph/tree-input'
import type { Longrun } from '@/lib/graph/types'

const WEB = {
  'web/type': 'longrun\n',
  'web/run': '#!/bin/sh\nexec web\n',
  'web/dependencies.d/base': '',
}

function under(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([p, c]) => [`${prefix}${p}`, c]))
}

describe('readTree: finding the source', () => {
  it('reads an input that is itself an s6-rc.d', () => {
    const r = readTree(textTree({ ...WEB, 'user/type': 'bundle', 'user/contents.d/web': '' }))
    expect(r.report.sourceDir).toBe('')
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: ['web'] })
  })

  it('finds a folder named s6-rc.d inside the input', () => {
    const r = readTree(textTree({ ...under('case/s6-rc.d/', WEB), 'case/expected.json': '{}' }))
    expect(r.report.sourceDir).toBe('case/s6-rc.d')
    expect(r.graph.services.web?.type).toBe('longrun')
  })

  it.each(['', 'rootfs/', 'docker/s6/rootfs/'])('finds etc/s6-overlay under %j', (prefix) => {
    const r = readTree(
      textTree(
        under(prefix, {
          ...under('etc/s6-overlay/s6-rc.d/', WEB),
          'etc/s6-overlay/user-bundles.d/user/type': 'bundle\n',
          'etc/s6-overlay/user-bundles.d/user/contents.d/web': '',
          'etc/s6-overlay/user-bundles.d/user2/type': 'bundle\n',
          'etc/s6-overlay/user-bundles.d/user2/contents.d/.empty': '',
          'usr/bin/app': 'binary',
          // Hidden paths are not counted among the files left unread.
          '.git/config': '',
          'usr/.cache/x': '',
        }),
      ),
    )
    expect(r.report.rootfsDir).toBe(prefix.replace(/\/$/, ''))
    expect(r.report.sourceDir).toBe(`${prefix}etc/s6-overlay/s6-rc.d`)
    expect(r.report.userBundlesDir).toBe(`${prefix}etc/s6-overlay/user-bundles.d`)
    expect(r.diagnostics).toEqual([])
    expect(r.graph.project.overlayVersion).toBe('3.2.3.2')
    expect(r.graph.project.dependOnBase).toBe(true)
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: ['web'] })
    expect(r.report.entries).toContainEqual({
      path: '.',
      action: 'ignored',
      note: expect.stringContaining('1 other file'),
    })
  })

  it('accepts user bundles without a type file: s6-overlay ships it', () => {
    const files = {
      ...under('etc/s6-overlay/s6-rc.d/', WEB),
      'etc/s6-overlay/user-bundles.d/user/contents.d/web': '',
    }
    const r = readTree(textTree(files))
    expect(r.diagnostics).toEqual([])
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: ['web'] })
    const plain = readTree(textTree(files), { context: 'plain' })
    expect(plain.diagnostics.map((d) => d.code)).toEqual(['type-missing'])
  })

  it('chooses a release with the s6-rc.d/user layout when the tree uses it', () => {
    const r = readTree(
      textTree(
        under('etc/s6-overlay/s6-rc.d/', {
          ...WEB,
          'user/type': 'bundle',
          'user/contents.d/web': '',
        }),
      ),
    )
    expect(r.graph.project.overlayVersion).toBe('3.2.2.0')
  })

  it('warns when both user bundle layouts exist and reads only s6-rc.d/user', () => {
    const r = readTree(
      textTree({
        ...under('etc/s6-overlay/s6-rc.d/', {
          ...WEB,
          'user/type': 'bundle',
          'user/contents.d/web': '',
        }),
        'etc/s6-overlay/user-bundles.d/user/type': 'bundle',
        'etc/s6-overlay/user-bundles.d/user/contents.d/other': '',
      }),
    )
    expect(r.diagnostics.map((d) => d.code)).toEqual(['bundle-layout-both'])
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: ['web'] })
  })

  it('refuses a service defined in both s6-rc.d and user-bundles.d', () => {
    const r = readTree(
      textTree({
        ...under('etc/s6-overlay/s6-rc.d/', WEB),
        ...under('etc/s6-overlay/user-bundles.d/', WEB),
      }),
    )
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'duplicate-name', severity: 'error', service: 'web' }),
    )
  })

  it('converts s6-overlay v2 folders and warns only about fix-attrs.d', () => {
    const r = readTree(
      textTree({
        'etc/services.d/web/run': '#!/bin/sh\nexec web\n',
        'etc/cont-init.d/10-init': '#!/bin/sh\n',
        'etc/fix-attrs.d/x': '/var/lib/app true nobody 0644 0755\n',
      }),
    )
    expect(r.diagnostics.filter((d) => d.code === 'legacy-v2-folder')).toHaveLength(1)
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'etc/services.d/web/run', action: 'converted' }),
    )
    expect(r.graph.services.web?.type).toBe('longrun')
  })

  it('reports helper scripts no up line calls', () => {
    const r = readTree(
      textTree({
        ...under('etc/s6-overlay/s6-rc.d/', WEB),
        'etc/s6-overlay/scripts/helper': '#!/bin/sh\n',
      }),
    )
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'etc/s6-overlay/scripts/helper', action: 'ignored' }),
    )
  })

  it('warns about a helper script without exec bit when modes are known', () => {
    const tree = textTree({
      ...under('etc/s6-overlay/s6-rc.d/', {
        'o/type': 'oneshot',
        'o/up': '/etc/s6-overlay/scripts/o',
      }),
      'etc/s6-overlay/scripts/o': '#!/bin/sh\ntrue\n',
    })
    expect(readTree(tree).diagnostics).toEqual([])
    tree.executables = []
    expect(readTree(tree).diagnostics.map((d) => d.code)).toEqual(['script-not-executable'])
  })
})

describe('readTree: symbolic links', () => {
  it('warns about links it cannot follow, without claiming the file is missing', () => {
    const tree = textTree({ 'web/type': 'longrun\n', 'user/type': 'bundle' }, ['user/contents.d'])
    tree.symlinks = ['web/run', 'shared']
    const r = readTree(tree)
    expect(r.diagnostics.map((d) => `${d.code}:${d.file}`).sort()).toEqual([
      'symlink-not-followed:shared',
      'symlink-not-followed:web/run',
    ])
    expect(r.graph.services.web?.type).toBe('longrun')
  })
})

describe('readTree: s6-designer.json', () => {
  const designed = () => {
    const g = createGraph({ name: 'designed' })
    g.services.web = longrun({ description: 'from the design', estimatedUpMs: 1234 })
    g.layout.web = { x: 1, y: 2 }
    return g
  }

  it('uses the graph file of an export as the source of truth', () => {
    const tree = textTree({
      'docker/s6/s6-designer.json': serializeGraph(designed()),
      ...under('docker/s6/rootfs/etc/s6-overlay/s6-rc.d/', WEB),
    })
    const r = readTree(tree)
    expect(r.graph).toEqual(designed())
    expect(r.report.graphFile).toBe('docker/s6/s6-designer.json')
    const run = r.report.entries.find((e) => e.path.endsWith('web/run'))
    expect(run).toMatchObject({ action: 'read', note: expect.stringContaining('s6-designer.json') })
  })

  it('falls back to the tree when the graph file is broken', () => {
    const r = readTree(textTree({ 's6-designer.json': '{ nope', ...WEB }))
    expect(r.diagnostics.map((d) => d.code)).toEqual(['graph-file-invalid'])
    expect((r.graph.services.web as Longrun).run.body).toBe('exec web')
  })
})

describe('readTree diagnostic codes', () => {
  it('describes every readTree-only code for the docs catalogue', () => {
    for (const [code, info] of Object.entries(READ_TREE_DIAGNOSTICS)) {
      expect(info.code).toBe(code)
      expect(info.title.length).toBeGreaterThan(3)
      expect(info.fix.length).toBeGreaterThan(3)
    }
    expect(READ_TREE_DIAGNOSTICS['type-invalid']?.severity).toBe('error')
  })
})
