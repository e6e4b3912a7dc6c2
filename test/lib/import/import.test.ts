import { describe, expect, it } from 'vitest'
import { readTreeInput } from '@/cli/fs'
import { exportFiles } from '@/lib/generate/export-files'
import { importFile, importTree, projectNameFrom } from '@/lib/import/import'
import { sniff } from '@/lib/import/sniff'
import { serializeState } from '@/lib/store/persistence'
import { exampleGraphs } from '../../fixtures/graphs'
import { buildZip, fileEntry } from './zip-builder'
import type { RawEntry } from './zip-builder'

const tree = (prefix: string): RawEntry[] => [
  fileEntry(`${prefix}s6-rc.d/user/type`, 'bundle\n'),
  fileEntry(`${prefix}s6-rc.d/user/contents.d/web`, ''),
  fileEntry(`${prefix}s6-rc.d/web/type`, 'longrun\n'),
  fileEntry(`${prefix}s6-rc.d/web/run`, '#!/bin/sh\nexec web\n', true),
]

describe('importFile', () => {
  it('reads a zip with a top folder, naming the project after the zip', async () => {
    const r = await importFile('Shop Backend.zip', buildZip(tree('shop/')))
    if (!r.ok) throw new Error(r.error)
    expect(r.graph.project.name).toBe('shop-backend')
    expect(r.graph.layout).toEqual({})
    expect(r.report.sourceDir).toBe('shop/s6-rc.d')
    expect(r.summary).toBe(
      'Shop Backend.zip: 1 service and 1 bundle read from shop/s6-rc.d. 0 errors, 0 warnings.',
    )
  })

  it("leaves out Finder's __MACOSX metadata and says so", async () => {
    const mac: RawEntry = {
      name: '__MACOSX/shop/s6-rc.d/web/._run',
      data: new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0, 0xff]),
    }
    const r = await importFile('shop.zip', buildZip([...tree('shop/'), mac]))
    if (!r.ok) throw new Error(r.error)
    expect(r.diagnostics).toEqual([])
    expect(r.report.entries).toContainEqual({
      path: '__MACOSX',
      action: 'ignored',
      note: 'macOS metadata that Finder adds to zips, not part of the folder',
    })
  })

  it('reads names written with backslashes and zips without UNIX modes', async () => {
    const entries = tree('').map(({ name, data }) => ({
      name: String(name).replace(/\//g, '\\'),
      data,
    }))
    const r = await importFile('win.zip', buildZip(entries))
    if (!r.ok) throw new Error(r.error)
    expect(Object.keys(r.graph.services).sort()).toEqual(['user', 'web'])
    expect(r.diagnostics).toEqual([])
  })

  it('opens a graph JSON file as it is, layout included', async () => {
    const graph = exampleGraphs().reference!
    const withLayout = { ...graph, layout: { web: { x: 10, y: 20 } } }
    const r = await importFile('ref.json', new TextEncoder().encode(JSON.stringify(withLayout)))
    if (!r.ok) throw new Error(r.error)
    expect(r.graph.layout).toEqual({ web: { x: 10, y: 20 } })
    expect(r.report).toEqual({
      graphFile: 'ref.json',
      entries: [{ path: 'ref.json', action: 'read', note: 'the design itself' }],
    })
    expect(r.summary).toMatch(/^ref\.json: \d+ services and \d+ bundles? read from ref\.json\./)
  })

  it("opens the designer's saved state (its download when an autosave could not be restored)", async () => {
    const graph = exampleGraphs().reference!
    const saved = serializeState({ graph, viewport: { x: 1, y: 2, zoom: 1 } })
    const r = await importFile('s6-designer-saved-state.json', new TextEncoder().encode(saved))
    if (!r.ok) throw new Error(r.error)
    expect(r.graph).toEqual(graph)
    expect(r.report.entries[0]?.note).toMatch(/saved state/)
  })

  it('says once that a JSON file is not a graph', async () => {
    const r = await importFile('package.json', new TextEncoder().encode('{"name":"app"}'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.match(/not an s6 Designer graph/g)).toHaveLength(1)
    expect(r.error).toMatch(/not an s6 Designer graph \(it has no version, project or services\)/)
  })

  it('converts a zipped s6-overlay v2 tree', async () => {
    const input = await readTreeInput('test/fixtures/v2/linuxserver-style')
    const entries = Object.entries(input.files).map(([p, bytes]) =>
      fileEntry(p, new TextDecoder().decode(bytes), input.executables?.includes(p)),
    )
    const r = await importFile('legacy.zip', buildZip(entries))
    if (!r.ok) throw new Error(r.error)
    expect(r.summary).toMatch(
      /^legacy\.zip: 10 services and 1 bundle read from root; paths: 15 converted, 3 ignored \(see the report\)\. 0 errors, 1 warning\.$/,
    )
    const folder = importTree(input, { projectName: 'legacy' })
    expect(folder.ok && folder.graph).toEqual(r.graph)
  })
})

describe('helpers', () => {
  it('names projects after files, skipping generic names', () => {
    expect(projectNameFrom('My App (v2).zip')).toBe('my-app-v2')
    expect(projectNameFrom('C:\\exports\\rootfs.zip')).toBeUndefined()
    expect(projectNameFrom('s6-rc.d')).toBeUndefined()
  })

  it('sniffs zips, JSON, other archives and service files', () => {
    const b = (...x: number[]) => new Uint8Array(x)
    expect(sniff('a.zip', b(0x50, 0x4b, 5, 6))).toEqual({ kind: 'zip' })
    expect(sniff('g', new TextEncoder().encode('\ufeff  {"version":1}'))).toEqual({ kind: 'json' })
    expect(sniff('t.tar', Object.assign(new Uint8Array(300), { 257: 0x75 }))).toEqual({
      kind: 'unknown',
    })
    const tar = new Uint8Array(300)
    tar.set([0x75, 0x73, 0x74, 0x61, 0x72], 257)
    tar[0] = 0x61
    expect(sniff('t.tar', tar)).toEqual({ kind: 'archive', format: 'tar' })
    expect(sniff('dir/up', new TextEncoder().encode('true\n'))).toEqual({
      kind: 'service-file',
      what: 'an s6 up file',
    })
  })
})

describe('importing an export whose tree was edited by hand', () => {
  const graph = exampleGraphs()['reference']!
  const files = () => {
    const out: Record<string, string> = {}
    for (const [p, f] of exportFiles(graph)) out[p] = f.contents
    return out
  }
  const zip = (tree: Record<string, string>) =>
    buildZip(Object.entries(tree).map(([p, text]) => fileEntry(p, text)))
  const SRC = 'docker/s6/rootfs/etc/s6-overlay/s6-rc.d'

  it('takes the design from s6-designer.json and says nothing when the tree matches it', async () => {
    const r = await importFile('export.zip', zip(files()))
    expect(r.ok && r.report.graphFile).toBe('docker/s6/s6-designer.json')
    expect(r.ok && r.diagnostics.filter((d) => d.code === 'graph-file-differs')).toEqual([])
  })

  it('says which edits to the tree are not in the design', async () => {
    const tree = files()
    tree[`${SRC}/web/timeout-up`] = '7000\n'
    tree[`${SRC}/extra/type`] = 'longrun\n'
    tree[`${SRC}/extra/run`] = '#!/bin/sh\nexec extra\n'
    const r = await importFile('export.zip', zip(tree))
    if (!r.ok) throw new Error(r.error)
    const differs = r.diagnostics.filter((d) => d.code === 'graph-file-differs')
    expect(differs).toHaveLength(1)
    expect(differs[0]?.severity).toBe('warning')
    expect(differs[0]?.message).toMatch(
      /^The design was taken from docker\/s6\/s6-designer\.json, but the tree beside it differs: .*s6-rc\.d\/extra\/ \(only in the tree\).*s6-rc\.d\/web\/timeout-up \(only in the tree\)/,
    )
    expect(differs[0]?.fix).toMatch(/import it without s6-designer\.json/)
    expect(r.summary).toMatch(/0 errors, [1-9][0-9]* warnings?\.$/)
  })
})
