import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '@/lib/export/zip'
import { exportFiles, redactSecrets } from '@/lib/generate/export-files'
import { parseGraph, serializeGraph } from '@/lib/graph/parse'
import { benchGraph } from '@/bench/validate-plan'
import { buildZip, fileEntry } from '../lib/import/zip-builder'
import { runCli } from './run-cli'
import { treeDir, VALID } from './tree-dir'

describe('s6-designer import', () => {
  it('imports the export of a design of 1,000 services (over 5,000 files, once refused)', async () => {
    const graph = benchGraph(1_000)
    const files: Record<string, string> = {}
    for (const [path, file] of exportFiles(graph)) files[path] = file.contents
    expect(Object.keys(files).length).toBeGreaterThan(5_000)
    const dir = await treeDir(files)
    // The tree itself, not the s6-designer.json beside it.
    const r = await runCli(['import', join(dir, 'docker/s6/rootfs/etc/s6-overlay/s6-rc.d')])
    expect(r.stderr).not.toContain('was not imported')
    expect(r.code).toBe(0)
    const read = parseGraph(r.stdout)
    expect(read.ok && Object.keys(read.graph.services).length).toBe(
      Object.keys(graph.services).length,
    )
  }, 60_000)

  it('writes the graph file and prints the report', async () => {
    const files = Object.fromEntries(
      Object.entries(VALID).filter(([p]) => !p.startsWith('web/dependencies.d')),
    )
    const dir = await treeDir({
      ...files,
      'web/dependencies': 'base\ninit\n',
      'web/notes.txt': 'x',
    })
    const r = await runCli(['import', dir, '--out', 'out/graph.json'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ {2}ignored {4}web\/notes.txt {2}/m)
    expect(r.stdout).toMatch(/^ {2}converted {2}web\/dependencies {2}flat dependencies file/m)
    expect(r.stdout).toContain('Wrote out/graph.json.')
    expect(r.stdout).toMatch(
      /^Project settings .* are the defaults: an s6-rc tree does not hold them/m,
    )
    const text = await readFile(join(dir, 'out/graph.json'), 'utf8')
    const parsed = parseGraph(JSON.parse(text))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(serializeGraph(parsed.graph)).toBe(text)
    expect(parsed.graph.project.dependOnBase).toBe(true)
    expect(parsed.graph.services.web).toMatchObject({
      type: 'longrun',
      dependencies: ['init'],
      timeoutKill: 3000,
    })
    expect(parsed.graph.project.name).toMatch(/^s6d-cli-/)
  })

  it('prints the graph on stdout and the report on stderr without --out', async () => {
    const dir = await treeDir(VALID)
    const r = await runCli(['import', dir, '--name', 'shop'])
    expect(r.code).toBe(0)
    const parsed = parseGraph(JSON.parse(r.stdout))
    expect(parsed.ok && parsed.graph.project.name).toBe('shop')
    expect(r.stderr).toMatch(/^0 errors, 0 warnings/m)
  })

  it('writes the graph anyway but exits 1 when the tree has errors', async () => {
    const dir = await treeDir({ ...VALID, 'web/type': 'longrun\r\n' })
    const r = await runCli(['import', dir, '--out', 'g.json'], dir)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/The graph was written, but it has an error \(above\) to fix/)
    const parsed = parseGraph(JSON.parse(await readFile(join(dir, 'g.json'), 'utf8')))
    expect(parsed.ok && parsed.graph.services.web?.type).toBe('longrun')
  })

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['import'])).code).toBe(2)
    expect((await runCli(['import', '.', '--out'])).stderr).toMatch(/--out needs a value/)
    expect((await runCli(['import', 'no/such/place'])).stderr).toMatch(/no such file or folder/)
  })

  it('reads a zip: the export of a design gives the design back', async () => {
    const graph = JSON.parse(await readFile('content/examples/reference.json', 'utf8'))
    const dir = await treeDir({})
    await writeFile(join(dir, 'shop.zip'), await zipFiles(exportFiles(graph)))
    const r = await runCli(['import', 'shop.zip', '--out', 'g.json'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^shop\.zip: .* \(read from docker\/s6\/s6-designer\.json\)$/m)
    expect(r.stdout).not.toMatch(/Project settings/)
    const parsed = parseGraph(JSON.parse(await readFile(join(dir, 'g.json'), 'utf8')))
    expect(parsed.ok && parsed.graph).toEqual(redactSecrets(graph))
  })

  it('reads a zip of a bare tree, named after the zip', async () => {
    const dir = await treeDir({})
    const tree = new Map(
      Object.entries(VALID).map(([p, c]) => [`s6-rc.d/${p}`, { contents: c, executable: false }]),
    )
    await writeFile(join(dir, 'My Shop.zip'), await zipFiles(tree))
    const r = await runCli(['import', 'My Shop.zip'], dir)
    expect(r.code).toBe(0)
    const parsed = parseGraph(JSON.parse(r.stdout))
    expect(parsed.ok && parsed.graph.project.name).toBe('my-shop')
    expect(parsed.ok && Object.keys(parsed.graph.services).sort()).toEqual(['init', 'user', 'web'])
  })

  it('reads a graph JSON file', async () => {
    const r = await runCli(['import', 'content/examples/reference.json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /^content\/examples\/reference\.json: .* \(read from reference\.json\)$/m,
    )
    const parsed = parseGraph(JSON.parse(r.stdout))
    expect(parsed.ok && parsed.graph.project.name).toBe(
      JSON.parse(await readFile('content/examples/reference.json', 'utf8')).project.name,
    )
  })

  it('converts an s6-overlay v2 tree', async () => {
    const r = await runCli(['import', 'test/fixtures/v2/linuxserver-style'])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /^ {2}converted {2}root\/etc\/cont-init\.d\/10-adduser {2}up of oneshot 10-adduser/m,
    )
    expect(r.stderr).toMatch(/^ {2}ignored {4}root\/etc\/services\.d\/cron\/down {2}a down file/m)
    const parsed = parseGraph(JSON.parse(r.stdout))
    expect(parsed.ok && parsed.graph.services['app-log']).toMatchObject({ consumerFor: ['app'] })
  })

  it('refuses a hostile zip with exit 2 and writes nothing', async () => {
    const dir = await treeDir({})
    const evil = buildZip([
      fileEntry('s6-rc.d/web/type', 'longrun\n'),
      fileEntry('../../etc/cron.d/evil', '* * * * * root sh\n'),
    ])
    await writeFile(join(dir, 'evil.zip'), evil)
    const r = await runCli(['import', 'evil.zip', '--out', 'g.json'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      's6-designer import: evil.zip was not imported: the entry "../../etc/cron.d/evil" climbs out of the folder with a .. segment.\n',
    )
    expect(existsSync(join(dir, 'g.json'))).toBe(false)
  })

  it('refuses a folder whose s6 files are not text, and a single service file', async () => {
    const dir = await treeDir(VALID)
    await writeFile(join(dir, 'web/run'), new Uint8Array([0x23, 0x21, 0xff, 0xfe]))
    const r = await runCli(['import', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/The folder was not imported: the file "web\/run" is not UTF-8 text/)
    const one = await runCli(['import', 'web/type'], await treeDir(VALID))
    expect(one.code).toBe(2)
    expect(one.stderr).toMatch(
      /type was not imported: it looks like an s6 type file of one service; import the whole folder/,
    )
  })
})
